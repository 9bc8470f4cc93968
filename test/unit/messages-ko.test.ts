// The Korean catalogue: every namespace it has covers every English key, keeps each placeholder, and reaches the kernel's translators.
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {expect, test} from "vitest";
import {networkDiagramMessages} from "../../src/components/charts/network-diagram.js";
import {DEPTH_STRINGS, depthExercise, SLOPE_STRINGS} from "../../src/components/course/exercises/activations.js";
import {TRIBE_STRINGS, tribeExercise} from "../../src/components/course/exercises/home.js";
import {PERCEPTRON_STRINGS, perceptronExercise} from "../../src/components/course/exercises/perceptron.js";
import {SPIRAL_STRINGS} from "../../src/components/course/exercises/playground.js";
import {XOR_STRINGS, xorExercise} from "../../src/components/course/exercises/xor-mlp.js";
import {aboutCount, formatMessages} from "../../src/components/course/format.js";
import {koMessages} from "../../src/components/course/messages-ko.js";
import {translator, type Messages} from "../../src/components/course/strings.js";
import {widgetTitles} from "../../src/components/course/registry.js";
import {urlMessages} from "../../src/components/course/url-state.js";
import {kernelMessages} from "../../src/components/course/widget.js";
import {messages as embedBuilder} from "../../src/components/widgets/embed-builder.js";
import {messages as activationMessages} from "../../src/components/widgets/activation-plot.js";
import {messages as courseProgressMessages} from "../../src/components/widgets/course-progress.js";
import {messages as exerciseMessages} from "../../src/components/widgets/exercise.js";
import {checkExercise, GD_EXERCISE_STRINGS} from "../../src/components/course/gd-exercise.js";
import {oneStepExercise, ONE_STEP_STRINGS} from "../../src/components/course/exercises/gradient-descent.js";
import {BACKPROP_STRINGS} from "../../src/components/course/exercises/backpropagation.js";
import {messages as gd1dMessages} from "../../src/components/widgets/gd-1d.js";
import {messages as gd2dMessages} from "../../src/components/widgets/gd-2d.js";
import {messages as gdQuizMessages} from "../../src/components/widgets/gd-quiz.js";
import {messages as backpropMessages} from "../../src/components/widgets/backprop-stepper.js";
import {csvMessages} from "../../src/components/playground/csv.js";
import {weightsMessages} from "../../src/components/playground/network-io.js";
import {messages as playgroundMessages} from "../../src/components/widgets/playground.js";
import {messages as pytorchCodeMessages} from "../../src/components/widgets/pytorch-code.js";
import {messages as hiddenSpace} from "../../src/components/widgets/hidden-space.js";
import {messages as perceptronBlanks} from "../../src/components/widgets/perceptron-blanks.js";
import {messages as perceptronExplorer} from "../../src/components/widgets/perceptron-explorer.js";
import {messages as perceptronLearner} from "../../src/components/widgets/perceptron-learner.js";
import {messages as reluTimingMessages} from "../../src/components/widgets/relu-timing.js";
import {messages as seedSpreadMessages} from "../../src/components/widgets/seed-spread.js";
import {messages as sigmoidDerivativeMessages} from "../../src/components/widgets/sigmoid-derivative.js";
import {messages as vanishingMessages} from "../../src/components/widgets/vanishing-gradients.js";
import {messages as xorComposition} from "../../src/components/widgets/xor-composition.js";
import {messages as xorTrainer} from "../../src/components/widgets/xor-trainer.js";
import {PARAMETER_STRINGS} from "../../src/components/course/exercises/mnist.js";
import {runViewMessages} from "../../src/components/mnist/run-view.js";
import {chartMessages} from "../../src/components/charts/training-charts.js";
import {backendReason, problemText, workerMessages} from "../../src/components/mnist/worker-text.js";

// Every namespace of the catalogue. (The sample-digits module needs Framework's FileAttachment, which Node lacks; its catalogue's keys are checked by tsc through its Catalogue type.)
const english: Record<Exclude<keyof typeof koMessages, "sample-digits" | keyof typeof mnistEnglish>, Messages> = {
  widget: kernelMessages,
  "url-state": urlMessages,
  "embed-builder": embedBuilder,
  "widget-titles": widgetTitles,
  activations: activationMessages,
  "sigmoid-derivative": sigmoidDerivativeMessages,
  "relu-timing": reluTimingMessages,
  "seed-spread": seedSpreadMessages,
  "vanishing-gradients": vanishingMessages,
  "exercise.sigmoid-slope": SLOPE_STRINGS,
  "exercise.vanishing-ten-layers": DEPTH_STRINGS,
  "exercise.home-tribe": TRIBE_STRINGS,
  exercise: exerciseMessages,
  "course-progress": courseProgressMessages,
  format: formatMessages,
  "gradient-descent": gd1dMessages,
  "gd-quiz": gdQuizMessages,
  "gd-2d": gd2dMessages,
  backprop: backpropMessages,
  "exercise.gd-quiz": GD_EXERCISE_STRINGS,
  "exercise.gd-one-step": ONE_STEP_STRINGS,
  "exercise.backprop-dw1": BACKPROP_STRINGS,
  playground: playgroundMessages,
  "playground-csv": csvMessages,
  "playground-weights": weightsMessages,
  "pytorch-code": pytorchCodeMessages,
  "exercise.playground-spiral": SPIRAL_STRINGS,
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
// The MNIST page's namespaces (the trainer's own keys need Framework's FileAttachment: tsc checks them; its run views, charts and worker reports are here).
const mnistEnglish = {
  mnist: {...runViewMessages, ...chartMessages, ...workerMessages},
  "exercise.mnist-parameters": PARAMETER_STRINGS,
  "exercise.mnist-parameters-small": PARAMETER_STRINGS
};
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
// The words a Korean page may show in English: the lecture's own terms, names, formats and units.
const englishTerms = new Set(
  readFileSync(join(import.meta.dirname, "..", "browser", "korean-english-terms.txt"), "utf8")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith("#"))
);

test.each(Object.entries(english))("namespace %s: the same keys in Korean, each in Hangul with the English placeholders", (namespace, en) => {
  const ko: Messages = koMessages[namespace as keyof typeof koMessages];
  expect(Object.keys(ko).sort()).toEqual(Object.keys(en).sort());
  for (const [key, text] of Object.entries(en)) {
    // A text with no Hangul is a term or a formula ("ReLU", "b₁", "(0, 1)"): the same in both languages, and no English word but the lecture's terms.
    if (!/[\uac00-\ud7a3]/.test(ko[key])) {
      expect(ko[key], key).toBe(text);
      expect((text.replace(/\{\w+\}/g, "").match(/[A-Za-z]{2,}/g) ?? []).filter((word) => !englishTerms.has(word)), key).toEqual([]);
    }
    expect(placeholders(ko[key]), key).toEqual(placeholders(text));
  }
});

test("the kernel's translators answer in Korean once the catalogue is imported", () => {
  expect(translator("widget", kernelMessages, "ko")("pause")).toBe("일시 정지");
  expect(translator("url-state", urlMessages, "ko")("outside", {name: "lr", raw: 9, min: 0, max: 1, value: 0.1})).toBe("lr: 9 값이 0…1 범위를 벗어나 0.1 값을 사용합니다.");
  expect(translator("widget", kernelMessages, "en")("pause")).toBe("Pause");
});

test("counts said aloud in Korean count in 만 and 억", () => {
  expect(aboutCount(4528, "ko")).toBe("4,528");
  expect(aboutCount(4_528_315, "ko")).toBe("약 450만");
  expect(aboutCount(45_280, "ko")).toBe("약 4.5만");
  expect(aboutCount(123_456_789, "ko")).toBe("약 1.2억");
  expect(aboutCount(4.5e17, "ko")).toBe("약 4.5e+17");
  expect(aboutCount(4_528_315, "en")).toBe("about 4.5 million");
});

test("exercises answer in Korean on a Korean page, their choices' names included", () => {
  expect(tribeExercise.check("symbolists", "ko").message).toBe("이 갈래가 아닙니다. 기호주의 갈래는 다른 방식으로 배웁니다. 신경망이 조절하는 것에서 이름을 딴 갈래는 어느 것일까요?");
  expect(depthExercise.prompt("ko")).toContain("시그모이드, ReLU 가운데");
  expect(depthExercise.check("relu", "ko").message).toMatch(/^정답입니다: ReLU에서는 첫 층이/);
});

test("the gradient-descent exercises give their feedback in Korean, with the engine's numbers", () => {
  expect(checkExercise("1,92", 0, "ko").message).toBe("정답입니다. 두 번 갱신하면 x = 1.92입니다.");
  expect(checkExercise("2.4", 0, "ko").message).toBe("한 번 갱신한 뒤의 x가 2.4입니다. 문제는 두 번 갱신한 값을 묻고 있으니 같은 규칙을 한 번 더 적용하세요.");
  expect(oneStepExercise.check("0.5", "ko").message).toBe("정답입니다. η = 0.5이면 한 번의 갱신으로 정확히 x = 0에 닿습니다.");
  expect(checkExercise("1.92", 0, "en").message).toBe("Correct: x = 1.92 after two updates.");
});

test("the network drawing and the perceptron pages' exercises answer in Korean on a Korean page", () => {
  const net = translator("network-diagram", networkDiagramMessages, "ko");
  expect(net("activationNamed", {name: "시그모이드"})).toBe("활성화 함수 (시그모이드)");
  expect(translator("network-diagram", networkDiagramMessages, "en")("hiddenLayer")).toBe("hidden layer");
  expect(perceptronExercise.check({gate: "and", blanks: {w1: "0.5", w2: "0.5", b: "-0.2"}}, "ko").message).toBe(
    "아직 아닙니다: (1, 0)의 출력이 1이지만 0이어야 합니다; (0, 1)의 출력이 1이지만 0이어야 합니다. 출력이 0이어야 하는 곳에서는 합 w₁x₁ + w₂x₂ + b가 0 이하여야 합니다. 그곳에서 합을 줄이세요."
  );
  expect(xorExercise.worked("ko")).toMatch(/^s₁ = NAND로 w = \(−0.5, −0.5\), b = 0.7; s₂ = OR로 w = \(0.5, 0.5\), b = −0.2\./);
});

// The lecture's program prints its training log in English; the log keeps the deck's words.
const lectureOutput = new Set(["mnist#logTrain"]);

test.each(Object.entries(mnistEnglish))("namespace %s: every English key in Korean with its placeholders; without Hangul only the same terms or the lecture's log", (namespace, en) => {
  const ko: Messages = koMessages[namespace as keyof typeof mnistEnglish];
  for (const [key, text] of Object.entries(en)) {
    expect(ko[key], key).toBeTypeOf("string");
    expect(placeholders(ko[key]), key).toEqual(placeholders(text));
    if (!/[\uac00-\ud7a3]/.test(ko[key])) {
      expect(ko[key], key).toBe(text);
      if (!lectureOutput.has(`${namespace}#${key}`)) expect((text.replace(/\{\w+\}/g, "").match(/[A-Za-z]{2,}/g) ?? []).filter((word) => !englishTerms.has(word)), key).toEqual([]);
    }
  }
});

test("the MNIST worker's codes come out in Korean: a corrupted shard, no WebGPU, a diverged run", () => {
  const t = translator("mnist", workerMessages, "ko");
  expect(problemText(t, {code: "corrupt", params: {file: "train-01.mns.gz"}})).toBe("MNIST 데이터 조각 train-01.mns.gz이 손상되었습니다. SHA-256 해시가 데이터 목록(manifest)에 적힌 값과 다릅니다.");
  expect(problemText(t, {code: "diverged", params: {iteration: 3, epoch: 1, lr: 100}})).toMatch(/^학습을 일시 정지했습니다\. epoch 1의 3번째 반복.*\(학습률 100\)/);
  const choice = {backend: "wasm", how: "timed", timings: {wasm: 23.4, webgl: 70, cpu: Number.NaN}, webgpu: "unavailable", threads: {count: 1, isolated: false}} as const;
  expect(backendReason(t, choice)).toBe(
    "이 브라우저는 WebGPU를 제공하지 않습니다. 그래서 나머지 백엔드 가운데 20개 batch로 잰 시간이 가장 짧은 것을 골랐습니다(batch당 WebAssembly (wasm) 23 ms, WebGL 70 ms). " +
      "스레드 하나로 실행됩니다. 이 호스트가 더 많은 스레드를 허용하는 헤더(COOP/COEP)를 보내지 않기 때문입니다."
  );
  expect(backendReason(t, {...choice, failed: "webgpu", threads: undefined})).toMatch(/^WebGPU 백엔드는 이곳에서 시작하지 못했습니다\. 이 브라우저는/);
  expect(backendReason(translator("mnist", workerMessages, "en"), {backend: "webgl", how: "manual", timings: {}, webgpu: "fallback"})).toBe("WebGL was selected by hand.");
});
