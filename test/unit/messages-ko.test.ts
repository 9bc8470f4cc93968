// The Korean catalogue: every namespace it has covers every English key, keeps each placeholder, and reaches the kernel's translators.
import {expect, test} from "vitest";
import {koMessages} from "../../src/components/course/messages-ko.js";
import {translator, type Messages} from "../../src/components/course/strings.js";
import {widgetTitles} from "../../src/components/course/registry.js";
import {urlMessages} from "../../src/components/course/url-state.js";
import {kernelMessages} from "../../src/components/course/widget.js";
import {messages as embedBuilder} from "../../src/components/widgets/embed-builder.js";

// The kernel's namespaces. (The sample-digits module needs Framework's FileAttachment, which Node lacks; its catalogue's keys are checked by tsc through its Catalogue type.)
const english: Record<Exclude<keyof typeof koMessages, "sample-digits">, Messages> = {
  widget: kernelMessages,
  "url-state": urlMessages,
  "embed-builder": embedBuilder,
  "widget-titles": widgetTitles
};
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

test.each(Object.entries(english))("namespace %s: the same keys in Korean, each in Hangul with the English placeholders", (namespace, en) => {
  const ko: Messages = koMessages[namespace as keyof typeof koMessages];
  expect(Object.keys(ko).sort()).toEqual(Object.keys(en).sort());
  for (const [key, text] of Object.entries(en)) {
    expect(ko[key], key).toMatch(/[\uac00-\ud7a3]/);
    expect(placeholders(ko[key]), key).toEqual(placeholders(text));
  }
});

test("the kernel's translators answer in Korean once the catalogue is imported", () => {
  expect(translator("widget", kernelMessages, "ko")("pause")).toBe("일시 정지");
  expect(translator("url-state", urlMessages, "ko")("outside", {name: "lr", raw: 9, min: 0, max: 1, value: 0.1})).toBe("lr: 9 값이 0…1 범위를 벗어나 0.1 값을 사용합니다.");
  expect(translator("widget", kernelMessages, "en")("pause")).toBe("Pause");
});
