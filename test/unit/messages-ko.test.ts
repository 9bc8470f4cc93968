// The Korean catalogue: every namespace it has covers every English key, keeps each placeholder, and reaches the kernel's translators.
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {expect, test} from "vitest";
import {networkDiagramMessages} from "../../src/components/charts/network-diagram.js";
import {PERCEPTRON_STRINGS} from "../../src/components/course/exercises/perceptron.js";
import {XOR_STRINGS} from "../../src/components/course/exercises/xor-mlp.js";
import {koMessages} from "../../src/components/course/messages-ko.js";
import {translator, type Messages} from "../../src/components/course/strings.js";
import {urlMessages} from "../../src/components/course/url-state.js";
import {kernelMessages} from "../../src/components/course/widget.js";
import {messages as hiddenSpace} from "../../src/components/widgets/hidden-space.js";
import {messages as perceptronBlanks} from "../../src/components/widgets/perceptron-blanks.js";
import {messages as perceptronExplorer} from "../../src/components/widgets/perceptron-explorer.js";
import {messages as perceptronLearner} from "../../src/components/widgets/perceptron-learner.js";
import {messages as xorComposition} from "../../src/components/widgets/xor-composition.js";
import {messages as xorTrainer} from "../../src/components/widgets/xor-trainer.js";

// Every namespace of the catalogue. (The sample-digits module needs Framework's FileAttachment, which Node lacks; its catalogue's keys are checked by tsc through its Catalogue type.)
const english: Record<Exclude<keyof typeof koMessages, "sample-digits">, Messages> = {
  widget: kernelMessages,
  "url-state": urlMessages,
  perceptron: perceptronExplorer,
  "perceptron-blanks": perceptronBlanks,
  "perceptron-learner": perceptronLearner,
  "xor-composition": xorComposition,
  "hidden-space": hiddenSpace,
  "xor-trainer": xorTrainer,
  "network-diagram": networkDiagramMessages,
  "exercise.perceptron-blanks": PERCEPTRON_STRINGS,
  "exercise.xor-hidden-units": XOR_STRINGS
};
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
// The English words a Korean page may show (the lecture's own terms, names, units): the browser text check's list.
const allowed = new Set(
  readFileSync(join(import.meta.dirname, "..", "browser", "korean-english-terms.txt"), "utf8")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith("#"))
);
/** Latin words of a text without Hangul, outside its placeholders, that a Korean page may not show (none for a name or formula such as ReLU or E = ½(y − t)²). */
const untranslated = (text: string) => (/[\uac00-\ud7a3]/.test(text) ? [] : (text.replace(/\{\w+\}/g, "").match(/[A-Za-z]{2,}/g) ?? []).filter((word) => !allowed.has(word)));

test.each(Object.entries(english))("namespace %s: the same keys in Korean, each in Hangul (or a name or formula) with the English placeholders", (namespace, en) => {
  const ko: Messages = koMessages[namespace as keyof typeof koMessages];
  expect(Object.keys(ko).sort()).toEqual(Object.keys(en).sort());
  for (const [key, text] of Object.entries(en)) {
    expect(untranslated(ko[key]), key).toEqual([]);
    expect(placeholders(ko[key]), key).toEqual(placeholders(text));
  }
});

test("the kernel's translators answer in Korean once the catalogue is imported", () => {
  expect(translator("widget", kernelMessages, "ko")("pause")).toBe("일시 정지");
  expect(translator("url-state", urlMessages, "ko")("outside", {name: "lr", raw: 9, min: 0, max: 1, value: 0.1})).toBe("lr: 9 값이 0…1 범위를 벗어나 0.1 값을 사용합니다.");
  expect(translator("widget", kernelMessages, "en")("pause")).toBe("Pause");
});
