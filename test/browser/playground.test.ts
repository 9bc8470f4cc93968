// The Playground page in real Chromium: links restore settings, training moves the boundary,
// the network drawing follows the layers, hostile links are neutralised, files are validated.
import {describe, expect, test} from "vitest";
import type {Page} from "playwright-core";
import {openPage} from "./harness.js";
import {useSite} from "./use-site.js";

const site = useSite();

const WAIT = {timeout: 60_000};

async function open(query: string) {
  const opened = await openPage(site, `/playground${query}`);
  await opened.page.waitForSelector(".playground canvas.playground-plane", WAIT);
  await opened.page.waitForFunction(() => /Epoch \d+/.test(document.querySelector(".playground-status")?.textContent ?? ""), null, WAIT);
  return opened;
}

const planeImage = (page: Page) => page.evaluate(() => document.querySelector<HTMLCanvasElement>(".playground-plane")!.toDataURL());
const status = async (page: Page) => (await page.textContent(".playground-status")) ?? "";
const trainingLoss = async (page: Page) => Number(/training loss ([\d.]+)/.exec(await status(page))?.[1]);
const epoch = async (page: Page) => Number(/Epoch (\d+)/.exec(await status(page))?.[1]);
const labelled = (page: Page, label: string) => page.getByLabel(label, {exact: true});

describe("playground", () => {
  test("a link with preset parameters restores every one of them, and the same seed draws the same data", async () => {
    const query = "?dataset=spiral&noise=20&train=70&points=321&seed=42&x1sq=1&sinx2=1&layers=8,8,3&activation=relu&loss=mse&reg=l2&rate=0.01&lr=0.01&batch=25&optimizer=adam&discretize=1&showTest=1";
    const {page, errors} = await open(query);
    expect(await labelled(page, "Dataset").inputValue()).toBe("3"); // Observable Inputs' select values are option indices
    expect(await page.locator("select[name=input]").first().locator("option:checked").textContent()).toBe("Spiral");
    expect(await labelled(page, "Noise (%)").first().inputValue()).toBe("20");
    expect(await labelled(page, "Training data (%)").first().inputValue()).toBe("70");
    expect(await labelled(page, "Points").first().inputValue()).toBe("321");
    expect(await labelled(page, "Seed").inputValue()).toBe("42");
    expect(await labelled(page, "Batch size").first().inputValue()).toBe("25");
    const chosen = async (label: string) => (await labelled(page, label).locator("option:checked").textContent())?.trim();
    expect(await chosen("Activation")).toBe("ReLU");
    expect(await chosen("Loss")).toBe("Mean squared error");
    expect(await chosen("Learning rate")).toBe("0.01");
    expect(await chosen("Optimiser")).toBe("Adam");
    expect(await chosen("Regularisation")).toBe("L2");
    expect(await chosen("Regularisation rate")).toBe("0.01");
    expect(await labelled(page, "Discretise output").isChecked()).toBe(true);
    expect(await labelled(page, "Show test data").isChecked()).toBe(true);
    const features = await page.locator(".playground fieldset", {hasText: "Input features"}).locator("input[type=checkbox]:checked").evaluateAll((boxes) => boxes.map((b) => b.parentElement!.textContent!.trim()));
    expect(features).toEqual(["x₁", "x₂", "x₁²", "sin x₂"]);
    expect(await page.textContent(".playground-network figcaption")).toContain("Network 4-8-8-3-1");
    // 70 % of 321 points train; the URL is left as it was (nothing needed correcting).
    expect(await page.getAttribute(".playground-plane", "aria-label")).toContain("225 training points and 96 test points");
    expect(new URL(page.url()).search).toBe(query);
    expect(await page.locator(".url-notice").count()).toBe(0);
    const image = await planeImage(page);
    const again = await open(query);
    expect(await planeImage(again.page)).toBe(image);
    const otherSeed = await open(query.replace("seed=42", "seed=43"));
    expect(await planeImage(otherSeed.page)).not.toBe(image);
    expect([...errors, ...again.errors, ...otherSeed.errors]).toEqual([]);
    for (const p of [page, again.page, otherSeed.page]) await p.context().close();
  });

  test("playing for two seconds changes the boundary and the loss falls; settings go into the URL", async () => {
    const {page, errors} = await open("?dataset=xor&seed=3");
    // Before any training the loss chart has an epoch axis of its own and no Plot warning sign.
    const lossTicks = await page.locator(".playground-loss svg text").allTextContents();
    expect(lossTicks).toContain("10");
    expect(lossTicks.join(" ")).not.toMatch(/0\.000000|⚠/);
    const before = await planeImage(page);
    const lossBefore = await trainingLoss(page);
    await page.getByRole("button", {name: "Play", exact: true}).click();
    await page.waitForFunction(() => Number(/Epoch (\d+)/.exec(document.querySelector(".playground-status")?.textContent ?? "")?.[1]) > 5, null, WAIT);
    await page.waitForTimeout(2000);
    await page.getByRole("button", {name: "Pause", exact: true}).click();
    expect(await epoch(page)).toBeGreaterThan(5);
    expect(await trainingLoss(page)).toBeLessThan(lossBefore * 0.8);
    expect(await planeImage(page)).not.toBe(before);
    expect(await page.locator('.playground-loss svg[aria-label="Training and test loss by epoch"]').count()).toBe(1);
    // One step is one epoch.
    const at = await epoch(page);
    await page.getByRole("button", {name: "Step (one epoch)"}).click();
    expect(await epoch(page)).toBe(at + 1);
    // A setting changed on the page is written to the link.
    await labelled(page, "Optimiser").selectOption({label: "Adam"});
    await page.waitForFunction(() => location.search.includes("optimizer=adam"), null, WAIT);
    await expect.poll(() => new URL(page.url()).searchParams.get("dataset")).toBe("xor");
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test("adding a layer or a neuron updates the network drawing, and clicking a weight edits it", async () => {
    const {page, errors} = await open("");
    const nodes = () => page.locator(".playground-network canvas.node").count();
    expect(await nodes()).toBe(2 + 4 + 2);
    // Weights and biases are counted together, as on the MNIST page: 2·4 + 4·2 + 2·1 and 4 + 2 + 1.
    expect(await page.textContent(".playground-network figcaption")).toContain("25 parameters (18 weights and 7 biases)");
    await page.getByRole("button", {name: "Add hidden layer"}).click();
    await page.waitForFunction(() => location.search.includes("layers=4%2C2%2C2") || location.search.includes("layers=4,2,2"), null, WAIT);
    expect(await nodes()).toBe(2 + 4 + 2 + 2);
    expect(await page.textContent(".playground-network figcaption")).toContain("Network 2-4-2-2-1");
    await page.getByRole("button", {name: "Add a neuron to hidden layer 3"}).click();
    expect(await nodes()).toBe(2 + 4 + 2 + 3);
    expect(await page.textContent(".playground-network figcaption")).toContain("2-4-2-3-1");
    // 2·4 + 4·2 + 2·3 + 3·1 edges.
    expect(await page.locator(".playground-network path.edge").count()).toBe(25);
    await page.locator(".playground-network path.edge-hit").first().click({force: true});
    expect(await page.locator(".playground-network path.edge.selected").count()).toBe(1);
    await page.getByLabel("value", {exact: true}).fill("7.5");
    await page.getByRole("button", {name: "Set weight"}).click();
    expect(Number(await page.locator(".playground-network path.edge.selected").getAttribute("stroke-width"))).toBe(8);
    await page.getByRole("button", {name: "Remove hidden layer"}).click();
    expect(await nodes()).toBe(2 + 4 + 2);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test("a hostile link shows the notice, injects nothing and still gives a working playground", async () => {
    const hostile =
      "?dataset=%3Cimg%20src%3Dx%20onerror%3D%22window.__pwned%3D1%22%3E&points=1e999&lr=NaN&layers=-5,99&seed=-1" +
      "&activation=%3Cscript%3Ewindow.__pwned%3D2%3C%2Fscript%3E&batch=-3&noise=%F0%9F%98%80&x1=0&x2=0&unknown=%3Cb%3Ebold%3C%2Fb%3E";
    const {page, errors} = await open(hostile);
    const notice = page.locator(".playground .url-notice");
    await notice.waitFor(WAIT);
    const items = await notice.locator("li").allTextContents();
    expect(items.length).toBeGreaterThanOrEqual(8);
    expect(items.join("\n")).toContain("<img src=x");
    expect(items.join("\n")).toContain("features: none was selected; using x₁ and x₂.");
    expect(await page.locator("#observablehq-main img, #observablehq-main b, #observablehq-main script").count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as {__pwned?: number}).__pwned)).toBeUndefined();
    // Clamped values: the default dataset, 2-8-1 hidden sizes clamped to 1…8.
    expect(await page.textContent(".playground-network figcaption")).toContain("Network 2-1-8-1");
    await page.getByRole("button", {name: "Step (one epoch)"}).click();
    expect(await epoch(page)).toBe(1);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test("own points: a click adds one, bad CSV lines are reported by number, bad weights files get a message", async () => {
    const {page, errors} = await open("?dataset=gauss");
    await page.locator(".playground-data summary").click();
    await page.locator(".playground-plane").click({position: {x: 170, y: 170}});
    await page.waitForFunction(() => location.search.includes("dataset=custom"), null, WAIT);
    // The 500 generated points became the learner's own, plus the click.
    expect(await page.getAttribute(".playground-plane", "aria-label")).toContain("251 training points");
    await expect(page.locator(".playground .notice").filter({hasText: "not part of the page link"}).isVisible()).resolves.toBe(true);
    await page.getByLabel("CSV (x1,x2,label per line)").fill("x1,x2,label\n1,2,0\n3,4,cat\n-1,-2,1\n7,0,1\n0,0,2");
    await page.getByRole("button", {name: "Import CSV text"}).click();
    const report = await page.locator(".playground-data [role=status]").textContent();
    expect(report).toContain("Imported 3 points.");
    expect(report).toContain("line 3: label 'cat' is not a whole number 0–4");
    expect(report).toContain("line 5: x1 '7' is outside the plane −6…6");
    // Three classes now: a softmax output with three units.
    expect(await page.textContent(".playground-network figcaption")).toContain("3 softmax outputs");
    await page.locator(".playground-files input[type=file]").setInputFiles({name: "w.json", mimeType: "application/json", buffer: Buffer.from('{"format":"perceptron-to-mnist/playground-weights","version":1,"sizes":[2,8,1]}')});
    const fileStatus = page.locator(".playground-files + [role=status]");
    await fileStatus.filter({hasText: "The file is for a 2-8-1 network, but this network is 2-4-2-3."}).waitFor(WAIT);
    await page.locator(".playground-files input[type=file]").setInputFiles({name: "w.json", mimeType: "application/json", buffer: Buffer.from("not json")});
    await fileStatus.filter({hasText: "The file is not valid JSON."}).waitFor(WAIT);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test("downloaded weights import back exactly; the boundary downloads as a PNG", async () => {
    const {page, errors} = await open("?dataset=moons&layers=5&seed=9");
    for (let k = 0; k < 20; ++k) await page.getByRole("button", {name: "Step (one epoch)"}).click();
    const trained = await status(page);
    expect(trained).toMatch(/^Epoch 20 /);
    const [weights] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", {name: "Download weights (JSON)"}).click()]);
    expect(weights.suggestedFilename()).toBe("playground-weights.json");
    const file = JSON.parse(await streamText(await weights.createReadStream()));
    expect(file.sizes).toEqual([2, 5, 1]);
    await page.getByRole("button", {name: "Reset"}).click();
    expect(await status(page)).toMatch(/^Epoch 0 /);
    await page.locator(".playground-files input[type=file]").setInputFiles({name: "w.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(file))});
    await page.locator(".playground-files + [role=status]").filter({hasText: "Weights imported."}).waitFor(WAIT);
    // Same weights, same losses and accuracies (the epoch counter restarted).
    expect((await status(page)).replace(/^Epoch \d+/, "")).toBe(trained.replace(/^Epoch \d+/, ""));
    const [png] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", {name: "Download boundary (PNG)"}).click()]);
    expect(png.suggestedFilename()).toBe("playground-boundary.png");
    const bytes = Buffer.from(await streamText(await png.createReadStream(), "latin1"), "latin1");
    expect(bytes.subarray(1, 4).toString()).toBe("PNG");
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe("playground on the widget kernel", () => {
  test("the widget is an input: .value holds its settings and results, and an input event fires while it trains", async () => {
    const {page, errors} = await open("?dataset=xor&seed=3&lr=0.1");
    const value = () => page.evaluate(() => (document.querySelector(".playground") as HTMLElement & {value: Record<string, unknown>}).value);
    const first = await value();
    expect(first).toMatchObject({dataset: "xor", seed: 3, lr: 0.1, epoch: 0, diverged: false});
    expect(first.trainLoss).toBeGreaterThan(0);
    expect(first.testAccuracy).toBeGreaterThanOrEqual(0);
    await page.evaluate(() => {
      const w = window as unknown as {inputs: number};
      w.inputs = 0;
      document.querySelector(".playground")!.addEventListener("input", () => ++w.inputs);
    });
    await page.getByRole("button", {name: "Step (one epoch)"}).click();
    expect((await value()).epoch).toBe(1);
    // The page's prose cell follows the widget's value.
    await page.locator("#observablehq-main p", {hasText: "after 1 epoch of SGD"}).waitFor(WAIT);
    await page.getByRole("button", {name: "Play", exact: true}).click();
    await page.waitForFunction(() => (window as unknown as {inputs: number}).inputs > 3, null, WAIT);
    await page.getByRole("button", {name: "Pause", exact: true}).click();
    expect((await value()).epoch).toBeGreaterThan(1);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test("a noise slider redraws the plane and the loss lines over the same loss frame; the weight chosen stays chosen; training draws the lines", async () => {
    const {page, errors} = await open("?dataset=xor&seed=3");
    const before = await planeImage(page);
    await page.locator(".weight-editor select").selectOption({index: 2});
    const moved = await page.evaluate(async () => {
      const frame = document.querySelector(".playground-loss svg[aria-label]");
      const slider = document.querySelector<HTMLInputElement>('.playground input[type=range][aria-label^="Noise"]')!;
      // One move per frame, as a drag delivers them.
      for (const noise of [10, 20, 30]) {
        slider.value = String(noise);
        slider.dispatchEvent(new Event("input", {bubbles: true}));
        await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
      }
      const svg = document.querySelector(".playground-loss svg[aria-label]")!;
      return {
        sameFrame: svg === frame,
        lines: svg.querySelectorAll(".live-layer path").length,
        selected: document.querySelector<HTMLSelectElement>(".weight-editor select")!.selectedIndex,
        selectedEdges: document.querySelectorAll(".playground-network .edge.selected").length
      };
    });
    expect(moved).toEqual({sameFrame: true, lines: 2, selected: 2, selectedEdges: 1});
    expect(await planeImage(page)).not.toBe(before);
    await expect.poll(() => new URL(page.url()).searchParams.get("noise")).toBe("30");
    await page.getByRole("button", {name: "Play", exact: true}).click();
    await page.waitForFunction(() => Number(/Epoch (\d+)/.exec(document.querySelector(".playground-status")?.textContent ?? "")?.[1]) > 20, null, WAIT);
    await page.getByRole("button", {name: "Pause", exact: true}).click();
    // Both lines run from epoch 0 to the last recorded epoch, inside the plotting area.
    const lines = await page.evaluate(() => {
      const svg = document.querySelector(".playground-loss svg[aria-label]") as SVGSVGElement;
      const area = svg.querySelector(".live-layer")!.getAttribute("clip-path")!.slice(5, -1);
      const box = svg.querySelector(`#${area} rect`)!;
      const [x, y, width, height] = ["x", "y", "width", "height"].map((k) => Number(box.getAttribute(k)));
      return [...svg.querySelectorAll(".live-layer path")].map((path) => {
        const points = (path.getAttribute("d") ?? "").slice(1).split("L").map((p) => p.split(",").map(Number));
        return {vertices: points.length, starts: Math.abs(points[0][0] - x) < 1, inside: points.every(([u, v]) => u >= x - 1 && u <= x + width + 1 && v >= y - 1 && v <= y + height + 1)};
      });
    });
    for (const line of lines) expect(line).toMatchObject({starts: true, inside: true});
    expect(lines.every((line) => line.vertices > 2)).toBe(true);
    expect(await page.textContent(".playground-loss figcaption")).toMatch(/^Epoch \d+: training loss [\d.]+, test loss [\d.]+$/);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test("at 390 px wide the page does not scroll sideways and a tap on the plane adds a point", async () => {
    const {page, errors} = await open("?layers=8,8,8,8,8,8&x1sq=1&x2sq=1&x1x2=1&sinx1=1&sinx2=1");
    await page.setViewportSize({width: 390, height: 844});
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const box = (await page.locator(".playground-plane").boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    await page.locator(".playground-plane").dispatchEvent("pointerup", {isPrimary: true, clientX: box.x + box.width / 2, clientY: box.y + box.height / 2});
    await page.waitForFunction(() => location.search.includes("dataset=custom"), null, WAIT);
    expect(await page.getAttribute(".playground-plane", "aria-label")).toContain("251 training points");
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe("the Korean playground", () => {
  async function openKorean(query: string) {
    const opened = await openPage(site, `/ko/playground${query}`);
    await opened.page.waitForSelector(".playground canvas.playground-plane", WAIT);
    await opened.page.waitForFunction(() => /epoch \d+ · 훈련 손실/.test(document.querySelector(".playground-status")?.textContent ?? ""), null, WAIT);
    return opened;
  }
  const hangul = /[\uac00-\ud7a3]/;
  // Latin words in a report, less the lecture's terms and what the file itself said (quoted fields, sizes).
  const english = (text: string) => (text.replace(/'[^']*'/g, "").match(/[A-Za-z]{2,}/g) ?? []).filter((w) => !["CSV", "JSON"].includes(w));

  test("a corrupted CSV gets a report in Korean, and the points, the settings and the trained network stay as they were", async () => {
    const {page, errors} = await openKorean("?dataset=gauss&seed=5");
    for (let k = 0; k < 3; ++k) await page.getByRole("button", {name: "한 단계(1 epoch)"}).click();
    const before = {status: await status(page), label: await page.getAttribute(".playground-plane", "aria-label"), search: new URL(page.url()).search, image: await planeImage(page)};
    expect(before.status).toMatch(/^epoch 3 · /);
    expect(before.label).toContain("훈련 점 250개");
    await page.locator(".playground-data summary").click();
    // Not CSV at all: binary bytes, a NUL, stray markup.
    const garbage = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff, 0x3c, 0x62, 0x3e, 0x2c, 0x2c, 0x0a, 0x31, 0x2c, 0x32, 0x0a]);
    await page.locator(".playground-data input[type=file]").setInputFiles({name: "broken.csv", mimeType: "text/csv", buffer: garbage});
    const report = page.locator(".playground-data [role=status]");
    await report.filter({hasText: "불러온 점이 없습니다."}).waitFor(WAIT);
    const lines = await report.locator("li").allTextContents();
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) {
      expect(line).toMatch(hangul);
      expect(english(line), line).toEqual([]);
    }
    expect(lines.join("\n")).toMatch(/\d+번째 줄: 값이 3개\(x₁, x₂, 클래스\)여야 하는데 2개입니다/);
    expect(await report.getAttribute("class")).toContain("error");
    // Nothing was lost: the same points, settings, epoch and boundary.
    expect(await status(page)).toBe(before.status);
    expect(await page.getAttribute(".playground-plane", "aria-label")).toBe(before.label);
    expect(new URL(page.url()).search).toBe(before.search);
    expect(await planeImage(page)).toBe(before.image);
    // A partly corrupted CSV: the good rows come in, each bad line is reported by number in Korean.
    await page.getByLabel("CSV(한 줄에 x₁, x₂, 클래스)").fill("x1,x2,label\n1,2,0\n3,4,cat\n-1,-2,1\n7,0,1\n0,0,2");
    await page.getByRole("button", {name: "CSV 글 불러오기"}).click();
    await report.filter({hasText: "점 3개를 불러왔습니다."}).waitFor(WAIT);
    expect(await report.locator("li").allTextContents()).toEqual([
      "점 3개를 불러왔습니다.",
      "3번째 줄: 클래스 'cat'은(는) 0–4 사이의 정수가 아닙니다",
      "5번째 줄: x1 값 '7'은(는) 평면 −6…6을 벗어납니다"
    ]);
    expect(await page.textContent(".playground-network figcaption")).toContain("softmax 출력 3개");
    // A corrupted weights file: a Korean message, and the network keeps its weights.
    const trained = await status(page);
    await page.locator(".playground-files input[type=file]").setInputFiles({name: "w.json", mimeType: "application/json", buffer: Buffer.from("{\"format\": ")});
    await page.locator(".playground-files + [role=status]").filter({hasText: "올바른 JSON 파일이 아닙니다."}).waitFor(WAIT);
    expect(await status(page)).toBe(trained);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

async function streamText(stream: NodeJS.ReadableStream, encoding: BufferEncoding = "utf8"): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString(encoding);
}
