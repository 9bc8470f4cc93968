// Every interactive page, in both editions, reads its controls' starting values from the link and keeps them there; a bad link is corrected with a notice in the page's language.
import type {Page} from "playwright-core";
import {describe, expect, test} from "vitest";
import "../../src/components/course/messages-ko.js";
import {translator, type Lang} from "../../src/components/course/strings.js";
import {parseState, urlMessages} from "../../src/components/course/url-state.js";
import {perceptronExplorerSchema} from "../../src/components/widgets/perceptron-explorer.js";
import {openPage} from "./harness.js";
import {useSite} from "./use-site.js";

const site = useSite();

/** A page, a link's query, and the labelled number boxes or selects it must set (labels as the English page writes them). */
const links: [string, string, [RegExp, number][]][] = [
  ["/perceptron", "gate=or&w1=1.25&w2=-0.75&b=0.3", [[/^w₁$/, 1.25], [/^w₂$/, -0.75], [/^b \(bias\)$/, 0.3]]],
  ["/xor-mlp", "h=6&lr=1.5", [[/^Hidden units H$/, 6], [/^Learning rate η$/, 1.5]]],
  ["/gradient-descent", "x0=-2.5&fn=double-well", [[/^Start x₀$/, -2.5]]],
  ["/backpropagation", "v11=0.3&w2=-0.4", [[/^v₁₁/, 0.3], [/^w₂/, -0.4]]],
  ["/activations", "depth=12&width=24", [[/^Hidden layers$/, 12], [/^Units per layer$/, 24]]],
  ["/playground", "dataset=spiral&noise=20&points=300&batch=25", [[/^Noise \(%\)$/, 20], [/^Points$/, 300], [/^Batch size$/, 25]]],
  ["/mnist", "epochs=3&lr=0.01&batch=128", [[/^Epochs$/, 3], [/^Learning rate$/, 0.01], [/^Batch size$/, 128]]]
];

/** The widgets' number boxes and selects in page order: their label and value. */
async function controls(page: Page): Promise<(readonly [string, number])[]> {
  await page.waitForSelector(".widget :is(input[type=number], select)", {state: "attached", timeout: 60_000});
  return page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLInputElement | HTMLSelectElement>(".widget :is(input[type=number], select)")).map(
      (input) => [input.labels?.[0]?.textContent?.trim() ?? "", input instanceof HTMLSelectElement ? Number(input.selectedOptions[0]?.textContent) : input.valueAsNumber] as const
    )
  );
}

/** Nothing needed correcting, and the link still says what it said. */
async function expectLinkKept(page: Page, query: string): Promise<void> {
  expect(await page.locator(".url-notice").count()).toBe(0);
  const params = new URL(page.url()).searchParams;
  for (const [key, value] of new URLSearchParams(query)) expect(params.get(key)).toBe(value);
}

test.each(links)("%s?%s restores its controls", async (path, query, expected) => {
  const {page, errors} = await openPage(site, `${path}?${query}`);
  const values = await controls(page);
  for (const [label, value] of expected) {
    const match = values.find(([text]) => label.test(text));
    expect(match, `no number box labelled ${label}`).toBeDefined();
    expect(match![1]).toBeCloseTo(value, 9);
  }
  await expectLinkKept(page, query);
  expect(errors).toEqual([]);
  await page.context().close();
});

// The Korean twin has the same widgets in the same order, so each control is found where the English page has it, whatever its label says by now.
test.each(links)("/ko%s?%s restores the same controls", async (path, query, expected) => {
  const english = await openPage(site, `${path}?${query}`);
  const englishValues = await controls(english.page);
  await english.page.context().close();
  const {page, errors} = await openPage(site, `/ko${path}?${query}`);
  expect(await page.getAttribute("html", "lang")).toBe("ko");
  const values = await controls(page);
  expect(values.map(([, value]) => value)).toEqual(englishValues.map(([, value]) => value));
  for (const [label, value] of expected) {
    const index = englishValues.findIndex(([text]) => label.test(text));
    expect(index, `no number box labelled ${label} on the English page`).toBeGreaterThanOrEqual(0);
    expect(values[index][1], values[index][0]).toBeCloseTo(value, 9);
  }
  await expectLinkKept(page, query);
  expect(errors).toEqual([]);
  await page.context().close();
});

describe.each([["", "en"], ["/ko", "ko"]] as const)("a bad link on %s/perceptron", (prefix, lang: Lang) => {
  test("is corrected, and the notice says what changed, in the page's language", async () => {
    const query = "?w1=99&gate=xyz&w2=0.25";
    const t = translator("url-state", urlMessages, lang);
    // What the URL-state catalogue says about this link, in the page's language.
    const expected = parseState(perceptronExplorerSchema, query, t).notices;
    expect(expected).toHaveLength(2);
    const {page, errors} = await openPage(site, `${prefix}/perceptron${query}`);
    const notice = page.locator(".url-notice").first();
    await notice.waitFor({timeout: 60_000});
    expect(await notice.locator("strong").textContent()).toBe(t("adjusted"));
    expect(await notice.locator("li").allTextContents()).toEqual(expected);
    // The corrected and the valid values are the ones the controls show.
    const values = await controls(page);
    expect(values.find(([label]) => /w₁/.test(label))?.[1]).toBe(perceptronExplorerSchema.w1.max);
    expect(values.find(([label]) => /w₂/.test(label))?.[1]).toBe(0.25);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
