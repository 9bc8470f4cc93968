// The Korean catalogue: every namespace it has covers every English key, keeps each placeholder, and reaches the kernel's translators.
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {expect, test} from "vitest";
import {SPIRAL_STRINGS} from "../../src/components/course/exercises/playground.js";
import {koMessages} from "../../src/components/course/messages-ko.js";
import {translator, type Messages} from "../../src/components/course/strings.js";
import {urlMessages} from "../../src/components/course/url-state.js";
import {kernelMessages} from "../../src/components/course/widget.js";
import {csvMessages} from "../../src/components/playground/csv.js";
import {weightsMessages} from "../../src/components/playground/network-io.js";
import {messages as playgroundMessages} from "../../src/components/widgets/playground.js";
import {messages as pytorchCodeMessages} from "../../src/components/widgets/pytorch-code.js";

// The kernel's namespaces. (The sample-digits module needs Framework's FileAttachment, which Node lacks; its catalogue's keys are checked by tsc through its Catalogue type.)
const english: Record<Exclude<keyof typeof koMessages, "sample-digits">, Messages> = {
  widget: kernelMessages,
  "url-state": urlMessages,
  playground: playgroundMessages,
  "playground-csv": csvMessages,
  "playground-weights": weightsMessages,
  "pytorch-code": pytorchCodeMessages,
  "exercise.playground-spiral": SPIRAL_STRINGS
};
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

// The words a Korean page may show in English (the browser text check's list).
const allowed = new Set(readFileSync(join(import.meta.dirname, "..", "browser", "korean-english-terms.txt"), "utf8").split("\n").map((line) => line.trim()));
const englishWords = (text: string) => (text.replace(/\{\w+\}/g, "").match(/[A-Za-z]{2,}/g) ?? []).filter((word) => !allowed.has(word));

test.each(Object.entries(english))("namespace %s: the same keys in Korean, each in Hangul (or without English words) with the English placeholders", (namespace, en) => {
  const ko: Messages = koMessages[namespace as keyof typeof koMessages];
  expect(Object.keys(ko).sort()).toEqual(Object.keys(en).sort());
  for (const [key, text] of Object.entries(en)) {
    expect(placeholders(ko[key]), key).toEqual(placeholders(text));
    // A text without Hangul (a symbol, a separator, a number's format, a term the lecture writes in English) has no English word.
    if (!/[\uac00-\ud7a3]/.test(ko[key])) expect(englishWords(ko[key]), key).toEqual([]);
  }
});

test("the kernel's translators answer in Korean once the catalogue is imported", () => {
  expect(translator("widget", kernelMessages, "ko")("pause")).toBe("일시 정지");
  expect(translator("url-state", urlMessages, "ko")("outside", {name: "lr", raw: 9, min: 0, max: 1, value: 0.1})).toBe("lr: 9 값이 0…1 범위를 벗어나 0.1 값을 사용합니다.");
  expect(translator("widget", kernelMessages, "en")("pause")).toBe("Pause");
});
