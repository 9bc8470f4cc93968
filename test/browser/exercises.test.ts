// Every exercise of the course in real Chromium: a wrong answer and its hint, a right answer,
// the score in a real SCORM 1.2 run-time (scorm-again as the LMS's window.API), and the
// page's tick on the home page's course map, still there after a reload.
import {execFileSync} from "node:child_process";
import {createRequire} from "node:module";
import type {Locator, Page} from "playwright-core";
import {describe, expect, test} from "vitest";
import {depthExercise, sigmoidSlopeExercise, SLOPE_QUESTION} from "../../src/components/course/exercises/activations.js";
import {backpropExercise} from "../../src/components/course/exercises/backpropagation.js";
import {oneStepExercise, oneStepRate} from "../../src/components/course/exercises/gradient-descent.js";
import {tribeExercise} from "../../src/components/course/exercises/home.js";
import {exercisesOn, type CoursePage} from "../../src/components/course/exercises/index.js";
import {lectureParametersExercise, smallParametersExercise} from "../../src/components/course/exercises/mnist.js";
import {SPIRAL_SOLUTION, spiralExercise} from "../../src/components/course/exercises/playground.js";
import {xorExercise} from "../../src/components/course/exercises/xor-mlp.js";
import {checkExercise} from "../../src/components/course/gd-exercise.js";
import {backpropSteps, DEFAULT_EXAMPLE, DEFAULT_PARAMETERS, gradientsOf} from "../../src/components/nn/backprop-steps.js";
import {sigmoidWithSlope} from "../../src/components/nn/activations.js";
import {parameterCount} from "../../src/components/mnist/recipe.js";
import {openPage, type OpenedPage} from "./harness.js";
import {useSite} from "./use-site.js";

const site = useSite();
const scormAgent = createRequire(import.meta.url).resolve("scorm-again/scorm12/min");

/** Opens a page with scorm-again's SCORM 1.2 run-time as window.API, as an LMS's player would provide it. */
async function openWithLms(path: string): Promise<OpenedPage> {
  const opened = await openPage(site, path);
  const context = opened.page.context();
  await context.addInitScript({path: scormAgent});
  await context.addInitScript(() => {
    // No commit URL: the run-time keeps the data model in the page, as a test LMS.
    const w = window as unknown as {API: unknown; Scorm12API: new (settings: object) => unknown};
    w.API = new w.Scorm12API({lmsCommitUrl: false, autocommit: false, logLevel: 5});
  });
  await opened.page.reload({waitUntil: "load"});
  return opened;
}

const lms = (page: Page, element: string) => page.evaluate((e) => (window as unknown as {API: {LMSGetValue(e: string): string}}).API.LMSGetValue(e), element);

const widget = (page: Page, id: string) => page.locator(`.widget.exercise[data-exercise="${id}"]`);

async function answerText(w: Locator, text: string): Promise<void> {
  const input = w.getByLabel("Your answer");
  await input.fill(text);
  // Enter checks, as in any form.
  await input.press("Enter");
}

async function choose(w: Locator, label: string): Promise<void> {
  await w.getByLabel(label, {exact: true}).check();
  await w.getByRole("button", {name: "Check"}).click();
}

const feedbackOf = (w: Locator) => w.locator(".exercise-feedback");

/** The home page's card for a course page: ticked once all its exercises are done. */
async function expectTick(o: OpenedPage, page: CoursePage): Promise<void> {
  for (const reload of [false, true]) {
    if (reload) await o.page.reload({waitUntil: "load"});
    else await o.page.goto(`${site.url}/`, {waitUntil: "load"});
    const card = o.page.locator(`nav.course-map a.card[href="./${page}"]`);
    // The home page's cells run after load; on a loaded machine that takes more than poll's default second.
    await expect.poll(() => card.getAttribute("class"), {timeout: 15_000}).toContain("done");
    expect(await card.innerText()).toContain("✓ exercises done");
  }
}

/** One exercise of the catalogue through the generic widget: wrong (its hint), then right (its praise), then the LMS score. */
interface Case {
  id: string;
  wrong(w: Locator): Promise<void>;
  hint: string;
  right(w: Locator): Promise<void>;
  praise: string;
}

async function runCase(o: OpenedPage, c: Case): Promise<void> {
  const w = widget(o.page, c.id);
  await w.waitFor({timeout: 60_000});
  await c.wrong(w);
  await expect.poll(() => feedbackOf(w).innerText()).toBe(c.hint);
  expect(await feedbackOf(w).getAttribute("role")).toBe("status");
  await c.right(w);
  await expect.poll(() => feedbackOf(w).innerText()).toBe(c.praise);
  expect(await w.evaluate((e) => (e as HTMLElement & {value: unknown}).value)).toEqual({id: c.id, attempts: 2, correct: true, solved: true});
  // The worked answer on request.
  await w.getByText("Show the worked answer").click();
  await expect.poll(() => w.locator(".exercise-worked").innerText()).toContain(workedOf(c.id));
}

const workedOf = (id: string) => [tribeExercise, xorExercise, oneStepExercise, backpropExercise, sigmoidSlopeExercise, depthExercise, lectureParametersExercise, smallParametersExercise].find((e) => e.id === id)!.worked("en");

async function pageCases(path: string, page: CoursePage, cases: Case[], after?: (o: OpenedPage) => Promise<void>): Promise<void> {
  const o = await openWithLms(path);
  for (const c of cases) {
    await runCase(o, c);
  }
  await after?.(o);
  // One wrong and one right answer each: the best attempts count, so the page scores 100 and is complete.
  expect(await lms(o.page, "cmi.core.score.raw")).toBe("100");
  expect(await lms(o.page, "cmi.core.lesson_status")).toBe("completed");
  expect(exercisesOn(page).length).toBeGreaterThan(0);
  await expectTick(o, page);
  expect(o.errors).toEqual([]);
  await o.page.context().close();
}

const fillUnit = async (w: Locator, unit: number, values: [number, number, number]) => {
  for (const [k, name] of ["w1", "w2", "b"].entries()) await w.getByLabel(`${name === "b" ? "b" : name === "w1" ? "w₁" : "w₂"} of hidden unit ${unit}`).fill(String(values[k]));
};

describe("every exercise: hint, answer, SCORM score, tick on the course map", () => {
  test("home: the tribes", async () => {
    const o = await openWithLms("/");
    await runCase(o, {
      id: "home-tribe",
      wrong: (w) => choose(w, "Symbolists"),
      hint: tribeExercise.check("symbolists").message,
      right: (w) => choose(w, "Connectionists"),
      praise: tribeExercise.check("connectionists").message
    });
    expect(await lms(o.page, "cmi.core.score.raw")).toBe("100");
    // Home is not a card of the map; its exercise remembers itself instead.
    await o.page.reload({waitUntil: "load"});
    await expect.poll(() => widget(o.page, "home-tribe").locator(".exercise-done").innerText()).toContain("Done in this browser");
    expect(o.errors).toEqual([]);
    await o.page.context().close();
  });

  test("perceptron: the fill-in-the-blanks gate", async () => {
    const o = await openWithLms("/perceptron");
    const blanks = o.page.locator(".perceptron-blanks");
    await blanks.waitFor();
    const fill = async (w1: string, w2: string, b: string) => {
      for (const [id, v] of [["w1", w1], ["w2", w2], ["b", b]]) await blanks.locator(`input[data-blank="${id}"]`).fill(v);
      await blanks.getByRole("button", {name: "Check"}).click();
    };
    await fill("0", "0", "0");
    await expect.poll(() => blanks.locator(".perceptron-blanks-verdict").innerText()).toMatch(/^Not yet:/);
    expect(await lms(o.page, "cmi.core.score.raw")).toBe("0");
    expect(await lms(o.page, "cmi.core.lesson_status")).toBe("incomplete");
    await fill("0.5", "0.5", "-0.7");
    await expect.poll(() => blanks.locator(".perceptron-blanks-verdict").innerText()).toMatch(/^Correct/);
    expect(await lms(o.page, "cmi.core.score.raw")).toBe("100");
    await expectTick(o, "perceptron");
    await o.page.context().close();
  });

  test("xor-mlp: two hidden units", async () => {
    await pageCases("/xor-mlp", "xor-mlp", [
      {
        id: "xor-hidden-units",
        wrong: async (w) => {
          await fillUnit(w, 1, [0.5, 0.5, -0.2]);
          await fillUnit(w, 2, [0.5, 0.5, -0.2]);
          await w.getByRole("button", {name: "Check"}).click();
        },
        hint: xorExercise.check({s1: {w1: "0.5", w2: "0.5", b: "-0.2"}, s2: {w1: "0.5", w2: "0.5", b: "-0.2"}}).message,
        right: async (w) => {
          await fillUnit(w, 1, [-0.5, -0.5, 0.7]);
          await fillUnit(w, 2, [0.5, 0.5, -0.2]);
          await w.getByLabel("b of hidden unit 2").press("Enter");
        },
        praise: xorExercise.check({s1: {w1: "-0.5", w2: "-0.5", b: "0.7"}, s2: {w1: "0.5", w2: "0.5", b: "-0.2"}}).message
      }
    ]);
  });

  test("gradient descent: the lecture's two updates (graduated hints) and the one-step learning rate", async () => {
    await pageCases(
      "/gradient-descent",
      "gradient-descent",
      [
        {
          id: "gd-one-step",
          wrong: (w) => answerText(w, "0.1"),
          hint: oneStepExercise.check("0.1").message,
          right: (w) => answerText(w, String(oneStepRate())),
          praise: oneStepExercise.check(String(oneStepRate())).message
        }
      ],
      async (o) => {
        const quiz = o.page.locator(".gd-quiz");
        const input = quiz.getByLabel("x after two updates");
        for (const wrongBefore of [0, 1]) {
          await input.fill("2.5");
          await quiz.getByRole("button", {name: "Check"}).click();
          await expect.poll(() => quiz.locator(".feedback").innerText()).toContain(checkExercise("2.5", wrongBefore).message);
        }
        await input.fill("1.92");
        await input.press("Enter");
        await expect.poll(() => quiz.locator(".feedback").innerText()).toContain(checkExercise("1.92").message);
      }
    );
  });

  test("backpropagation: ∂E/∂w₁", async () => {
    const answer = gradientsOf(backpropSteps(DEFAULT_PARAMETERS, DEFAULT_EXAMPLE)).w1;
    await pageCases("/backpropagation", "backpropagation", [
      {
        id: "backprop-dw1",
        wrong: (w) => answerText(w, String(-answer)),
        hint: backpropExercise.check(String(-answer)).message,
        right: (w) => answerText(w, answer.toPrecision(4)),
        praise: backpropExercise.check(answer.toPrecision(4)).message
      }
    ]);
  });

  test("activations: the sigmoid's slope and ten layers deep", async () => {
    const tau = sigmoidWithSlope(SLOPE_QUESTION.beta);
    const slope = tau.derivative(SLOPE_QUESTION.s, tau.f(SLOPE_QUESTION.s));
    await pageCases("/activations", "activations", [
      {
        id: "sigmoid-slope",
        wrong: (w) => answerText(w, String(slope / SLOPE_QUESTION.beta)),
        hint: sigmoidSlopeExercise.check(String(slope / SLOPE_QUESTION.beta)).message,
        right: (w) => answerText(w, slope.toPrecision(3)),
        praise: sigmoidSlopeExercise.check(slope.toPrecision(3)).message
      },
      {
        id: "vanishing-ten-layers",
        wrong: (w) => choose(w, "Sigmoid"),
        hint: depthExercise.check("sigmoid").message,
        right: (w) => choose(w, "ReLU"),
        praise: depthExercise.check("relu").message
      }
    ]);
  });

  test("mnist: parameter counts", async () => {
    const lecture = parameterCount({hidden: [256, 256]});
    const small = parameterCount({hidden: [100]});
    await pageCases("/mnist", "mnist", [
      {
        id: "mnist-parameters",
        wrong: (w) => answerText(w, String(784 * 256 + 256 * 256 + 256 * 10)),
        hint: lectureParametersExercise.check(String(784 * 256 + 256 * 256 + 256 * 10)).message,
        right: (w) => answerText(w, lecture.toLocaleString("en-US")),
        praise: lectureParametersExercise.check(String(lecture)).message
      },
      {
        id: "mnist-parameters-small",
        wrong: (w) => answerText(w, "12345"),
        hint: smallParametersExercise.check("12345").message,
        right: (w) => answerText(w, String(small)),
        praise: smallParametersExercise.check(String(small)).message
      }
    ]);
  });

  test("playground: the spiral challenge, checked live on the playground's value", async () => {
    const {architecture: a, hyper: h} = SPIRAL_SOLUTION;
    const features = ["x1", "x2", "x1sq", "x2sq", "x1x2", "sinx1", "sinx2"].map((f) => `${f}=${a.features.includes(f as never)}`).join("&");
    // First the default circle: the check says to choose the spiral.
    const o = await openWithLms("/playground");
    const w = widget(o.page, "playground-spiral");
    await w.waitFor({timeout: 60_000});
    await o.page.locator(".widget.playground").waitFor();
    await w.getByRole("button", {name: "Check"}).click();
    await expect.poll(() => feedbackOf(w).innerText()).toBe(spiralExercise.check({config: {dataset: "circle", points: 500, train: 50}, session: {architecture: {layers: [4, 2]}, diverged: false, evaluate: () => ({test: {accuracy: 0.5}})}}).message);
    expect(await lms(o.page, "cmi.core.score.raw")).toBe("0");
    // Then the worked answer's network: training solves it, and the widget notices by itself.
    const query = `dataset=spiral&${features}&layers=${a.layers.join(",")}&activation=${a.activation}&optimizer=${h.optimizer}&lr=${h.learningRate}&batch=${h.batchSize}`;
    await o.page.goto(`${site.url}/playground?${query}`, {waitUntil: "load"});
    const live = widget(o.page, "playground-spiral");
    await o.page.locator(".widget.playground").getByRole("button", {name: "Play"}).first().click();
    await expect.poll(() => feedbackOf(live).innerText(), {timeout: 150_000, interval: 1000}).toMatch(/^Solved: /);
    expect(await lms(o.page, "cmi.core.score.raw")).toBe("100");
    await expectTick(o, "playground");
    expect(o.errors).toEqual([]);
    await o.page.context().close();
  });

  test("the clear control removes every tick", async () => {
    const o = await openPage(site, "/");
    await o.page.evaluate(() => localStorage.setItem("perceptron-to-mnist:progress:v1", JSON.stringify({done: ["backprop-dw1"]})));
    await o.page.reload({waitUntil: "load"});
    const card = o.page.locator('nav.course-map a.card[href="./backpropagation"]');
    await expect.poll(() => card.getAttribute("class"), {timeout: 15_000}).toContain("done");
    await o.page.getByRole("button", {name: "Clear my progress"}).click();
    expect(await card.getAttribute("class")).not.toContain("done");
    await o.page.reload({waitUntil: "load"});
    await o.page.getByRole("button", {name: "Clear my progress"}).waitFor();
    expect(await card.getAttribute("class")).not.toContain("done");
    expect(await o.page.evaluate(() => localStorage.getItem("perceptron-to-mnist:progress:v1"))).toBeNull();
    await o.page.context().close();
  });
});

describe("the PyTorch export", () => {
  const parses = (code: string) => execFileSync("python3", ["-c", "import ast,sys; ast.parse(sys.stdin.read())"], {input: code});

  test("the MNIST code follows the trainer's settings and parses", async () => {
    const o = await openPage(site, "/mnist");
    const code = o.page.locator(".pytorch-code pre code");
    await expect.poll(() => code.innerText(), {timeout: 60_000}).toContain("torch.nn.Linear(784, 256)");
    const lecture = await code.innerText();
    expect(lecture).toContain("torch.nn.Linear(256, 10)");
    expect(lecture).toMatch(/torch\.optim\.Adam\(.*lr=0\.001/);
    parses(lecture);
    await o.page.getByLabel("Hidden layer 1 (units)").selectOption("128");
    await expect.poll(() => code.innerText()).toContain("torch.nn.Linear(784, 128)");
    const changed = await code.innerText();
    expect(changed).toContain("torch.nn.Linear(128, 256)");
    parses(changed);
    expect(await o.page.locator(".pytorch-code a.download").first().getAttribute("download")).toBe("mnist_mlp.py");
    expect(o.errors).toEqual([]);
    await o.page.context().close();
  });

  test("the playground exports its experiment as a script and its CSV", async () => {
    const o = await openPage(site, "/playground?dataset=spiral&sinx1=true");
    const code = o.page.locator(".pytorch-code pre code");
    await expect.poll(() => code.innerText(), {timeout: 60_000}).toContain("FEATURES = ['x1', 'x2', 'sinx1']");
    parses(await code.innerText());
    const links = o.page.locator(".pytorch-code a.download");
    expect(await links.evaluateAll((as) => as.map((a) => a.getAttribute("download")))).toEqual(["playground.py", "playground.csv"]);
    const csv = await links.nth(1).evaluate(async (a) => (await fetch((a as HTMLAnchorElement).href)).text());
    const rows = csv.trim().split("\n");
    expect(rows[0]).toBe("split,x1,x2,sinx1,label");
    expect(rows.length).toBe(501);
    expect(o.errors).toEqual([]);
    await o.page.context().close();
  });

  test("the playground's export carries the learner's own points", async () => {
    const o = await openPage(site, "/playground?dataset=circle&points=50");
    const plane = o.page.locator(".playground-plane");
    await plane.waitFor();
    const box = (await plane.boundingBox())!;
    const csvLink = o.page.locator(".pytorch-code a.download").nth(1);
    const fetchText = (href: string) => o.page.evaluate(async (url) => (await fetch(url)).text(), href);
    const before = (await csvLink.getAttribute("href"))!;
    // A tap in the plane's upper-right quarter adds a point there: the data become the learner's own.
    await plane.dispatchEvent("pointerup", {isPrimary: true, clientX: box.x + box.width * 0.75, clientY: box.y + box.height * 0.25});
    await o.page.waitForFunction(() => location.search.includes("dataset=custom"), null, {timeout: 30_000});
    // 50 generated points plus the tapped one (and the header): the export is on the learner's points, not regenerated from the link.
    await expect.poll(async () => (await fetchText((await csvLink.getAttribute("href"))!)).trim().split("\n").length, {timeout: 30_000}).toBe(52);
    // The link just replaced still serves its file: a download begun a moment before the update is not lost.
    expect((await fetchText(before)).trim().split("\n").length).toBe(51);
    parses(await o.page.locator(".pytorch-code pre code").innerText());
    expect(o.errors).toEqual([]);
    await o.page.context().close();
  });
});
