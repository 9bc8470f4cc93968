// Every interactive page reads its controls' starting values from the link and keeps them there.
import {expect, test} from "vitest";
import {openPage} from "./harness.js";
import {useSite} from "./use-site.js";

const site = useSite();

/** A page, a link's query, and the labelled number boxes or selects it must set. */
const links: [string, string, [RegExp, number][]][] = [
  ["/perceptron", "gate=or&w1=1.25&w2=-0.75&b=0.3", [[/^w₁$/, 1.25], [/^w₂$/, -0.75], [/^b \(bias\)$/, 0.3]]],
  ["/xor-mlp", "h=6&lr=1.5", [[/^Hidden units H$/, 6], [/^Learning rate η$/, 1.5]]],
  ["/gradient-descent", "x0=-2.5&fn=double-well", [[/^Start x₀$/, -2.5]]],
  ["/backpropagation", "v11=0.3&w2=-0.4", [[/^v₁₁/, 0.3], [/^w₂/, -0.4]]],
  ["/activations", "depth=12&width=24", [[/^Hidden layers$/, 12], [/^Units per layer$/, 24]]],
  ["/playground", "dataset=spiral&noise=20&points=300&batch=25", [[/^Noise \(%\)$/, 20], [/^Points$/, 300], [/^Batch size$/, 25]]],
  ["/mnist", "epochs=3&lr=0.01&batch=128", [[/^Epochs$/, 3], [/^Learning rate$/, 0.01], [/^Batch size$/, 128]]]
];

test.each(links)("%s?%s restores its controls", async (path, query, expected) => {
  const {page, errors} = await openPage(site, `${path}?${query}`);
  await page.waitForSelector(".widget :is(input[type=number], select)", {state: "attached", timeout: 60_000});
  const values = await page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLInputElement | HTMLSelectElement>(".widget :is(input[type=number], select)")).map(
      (input) => [input.labels?.[0]?.textContent?.trim() ?? "", input instanceof HTMLSelectElement ? Number(input.selectedOptions[0]?.textContent) : input.valueAsNumber] as const
    )
  );
  for (const [label, value] of expected) {
    const match = values.find(([text]) => label.test(text));
    expect(match, `no number box labelled ${label}`).toBeDefined();
    expect(match![1]).toBeCloseTo(value, 9);
  }
  // Nothing needed correcting, and the link still says what it said.
  expect(await page.locator(".url-notice").count()).toBe(0);
  const params = new URL(page.url()).searchParams;
  for (const [key, value] of new URLSearchParams(query)) expect(params.get(key)).toBe(value);
  expect(errors).toEqual([]);
  await page.context().close();
});
