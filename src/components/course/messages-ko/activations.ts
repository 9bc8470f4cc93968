/** Korean for the activations page's widgets and exercises, and the course-wide exercise, progress and number words. */
import type {Catalogue} from "../messages-ko.js";

/** The activations' names, shown by the comparison and by the timing widget. */
const activationNames = {
  "name.step": "계단 함수",
  "name.sigmoid": "시그모이드",
  "name.sigmoidBeta": "시그모이드(β = {beta})",
  "name.tanh": "tanh",
  "name.relu": "ReLU",
  "name.leaky-relu": "Leaky ReLU",
  "name.elu": "ELU",
  "name.maxout": "Maxout"
} satisfies Catalogue<typeof import("../../widgets/activation-plot.js").activationNames>;

/** Sigmoid and tanh flatten out alike. */
const saturates = "없음. 다만 |s|가 크면 0에 가까워짐(포화)";

export const koActivations = {
  activations: {
    ...activationNames,
    show: "표시할 함수",
    beta: "시그모이드 기울기 β",
    alpha: "Leaky ReLU 기울기 α",
    ealpha: "ELU α",
    mw1: "직선 1: w₁",
    mb1: "b₁",
    mw2: "직선 2: w₂",
    mb2: "b₂",
    maxoutLegend: "Maxout: 두 직선 w₁s + b₁과 w₂s + b₂ 가운데 큰 값",
    tickOne: "그래프로 그릴 활성화 함수를 하나 이상 고르세요.",
    fTitle: "활성화 함수 τ(s)",
    derivativeTitle: "그 도함수 τ′(s).{kinks}",
    fLabel: "s가 −5에서 5까지일 때의 함수: {names}.",
    derivativeLabel: "s가 −5에서 5까지일 때의 도함수: {names}.{kinks}",
    kinks: " 빈 원은 도함수가 정의되지 않는 곳입니다: {list}.",
    kinkAt: "{name}의 s = {s}",
    range: "치역",
    zeroCentred: "0 중심",
    zeroGradient: "기울기가 0인 곳",
    cost: "계산 비용",
    "step.range": "{0, 1}",
    "step.zeroCentred": "아니요",
    "step.zeroGradient": "도함수가 있는 모든 곳. 0에서는 정의되지 않음",
    "step.cost": "비교 한 번",
    "sigmoid.range": "(0, 1)",
    "sigmoid.zeroCentred": "아니요(출력이 늘 양수)",
    "sigmoid.zeroGradient": saturates,
    "sigmoid.cost": "지수 함수 한 번과 나눗셈 한 번",
    "tanh.range": "(−1, 1)",
    "tanh.zeroCentred": "예",
    "tanh.zeroGradient": saturates,
    "tanh.cost": "지수 함수",
    "relu.range": "[0, ∞)",
    "relu.zeroCentred": "아니요",
    "relu.zeroGradient": "s < 0인 곳(늘 음수인 유닛은 더 배우지 못함)",
    "relu.cost": "비교 한 번",
    "leaky-relu.range": "(−∞, ∞)",
    "leaky-relu.zeroCentred": "아니요. 음수 출력은 크기가 α배일 뿐이라 평균이 양수로 남음",
    "leaky-relu.zeroGradient": "없음. 음수 입력에서도 기울기 α가 남음",
    "leaky-relu.zeroGradientReLU": "s < 0인 곳(α = 0이면 ReLU)",
    "leaky-relu.cost": "비교 한 번과 곱셈 한 번",
    "elu.range": "(−{alpha}, ∞)",
    "elu.zeroCentred": "대체로 그러함(음수 출력이 평균을 0 쪽으로 끌어당김)",
    "elu.zeroGradient": "s → −∞인 극한에서만",
    "elu.cost": "s < 0일 때 지수 함수 한 번",
    "maxout.range": "직선에 따라 다름(실제 신경망에서는 학습됨)",
    "maxout.zeroCentred": "직선에 따라 다름",
    "maxout.zeroGradient": "더 큰 쪽 직선이 평평할 때만",
    "maxout.cost": "일차식 두 개(가중치가 두 배)와 비교 한 번"
  } satisfies Catalogue<typeof import("../../widgets/activation-plot.js").messages>,

  "sigmoid-derivative": {
    beta: "기울기 β",
    s: "점 s",
    caption: "파란색은 τ(s), 주황색은 τ′(s)입니다. 점선은 s에서 τ에 그은 접선이고, 그 기울기가 τ′(s)입니다.",
    chartLabel: "기울기 β = {beta}인 시그모이드와 그 도함수. s = {s}에서 τ = {tau}, τ′ = {slope}. 도함수는 s = 0에서 가장 크며 그 값은 β/4 = {peak}.",
    peak: "도함수는 s = 0에서 가장 큽니다. 그곳에서 τ = ½이고 τ′ = β/4 = {peak}입니다. 0에서 멀어질수록 도함수는 0으로 다가갑니다. 포화된 시그모이드는 기울기를 거의 뒤로 전하지 못합니다."
  } satisfies Catalogue<typeof import("../../widgets/sigmoid-derivative.js").messages>,

  "relu-timing": {
    ...activationNames,
    run: "시간 재기",
    stop: "측정 멈추기",
    notRun: "아직 시간을 재지 않았습니다.",
    timing: "재는 중…",
    result: "여러분의 컴퓨터에서 값 하나에 걸린 나노초(숫자 {values}개를 {rounds}번 처리해 가장 빨랐던 값): {list}.",
    entry: "{name} {ns}",
    entryRatio: "{name} {ns} ({ratio}×)"
  } satisfies Catalogue<typeof import("../../widgets/relu-timing.js").messages>,

  "vanishing-gradients": {
    "activation.sigmoid": "시그모이드",
    "activation.tanh": "tanh",
    "activation.relu": "ReLU",
    "activation.leaky-relu": "Leaky ReLU",
    "activation.elu": "ELU",
    "init.small-uniform": "작은 균등 분포(±0.5)",
    "init.xavier": "Xavier/Glorot",
    "init.he": "He",
    depth: "은닉층 수",
    width: "층마다 유닛 수",
    activation: "활성화 함수",
    init: "초기화",
    train: "▶ 학습",
    pause: "❚❚ 일시 정지",
    resetTitle: "같은 설정으로 새 신경망을 만듭니다",
    atInit: "초기화 직후",
    afterUpdates: "업데이트 {n}번 후",
    afterUpdatesStart: "업데이트 {n}번 후",
    noRatio: "{when}: 마지막 층의 기울기가 0이어서 보여 줄 비율이 없습니다.",
    ratio: "{when}: 첫 층 {first}, 마지막 층 {last}, 비율(첫 층/마지막 층) = {ratio}{plain}.",
    ratioPlain: " (첫 층이 받는 기울기는 {times}분의 1)",
    diverged: "업데이트 {n}번 후 학습이 발산했습니다. 손실, 기울기 또는 가중치가 유한한 수가 아니게 되었습니다. ‘처음으로’를 누르거나 더 작은 신경망을 고르세요.",
    trained: "{ratio} 손실 {before} → {after}.",
    untrained: "손실 {loss}. ‘학습’을 누르면 가중치가 업데이트되고(단순 경사 하강법, η = {eta}, 점 {points}개) 막대가 바뀌는 모습을 볼 수 있습니다.",
    "chart.x": "층(1 = 입력 바로 다음 층)",
    "chart.y": "기울기 노름 ‖∂E/∂W‖, E = 교차 엔트로피(로그 눈금)",
    "chart.atInit": "초기화 직후",
    chartLabel: "로그 눈금 막대그래프: 가중치 층 {layers}개 각각의 기울기 노름, 입력 쪽부터. {activation}, 유닛 {width}개짜리 은닉층 {depth}개. 첫 층 {first}, 마지막 층 {last}.",
    tableSummary: "노름을 표로 보기",
    "table.layer": "층"
  } satisfies Catalogue<typeof import("../../widgets/vanishing-gradients.js").messages>,

  "exercise.sigmoid-slope": {
    title: "시그모이드의 기울기",
    prompt: "기울기가 β = {beta}인 시그모이드 τ(s) = 1 / (1 + e^(−βs))에서, s = {s}일 때 도함수 τ′(s)의 값은 얼마입니까? (유효숫자 세 자리면 충분합니다.)",
    notNumber: "0.25처럼 소수로 입력하세요.",
    correct: "정답입니다: τ′({s}) = {answer}.",
    value: "그것은 시그모이드의 값 τ(s) 자체입니다. 문제는 그 기울기를 묻습니다.",
    missingBeta: "거의 맞았습니다. 도함수에는 β가 곱해집니다: τ′(s) = β·τ(s)(1 − τ(s)).",
    plainSigmoid: "여기서 τ에는 이미 β가 들어 있습니다. τ′ = β·τ(1 − τ)를 쓰기 전에 시그모이드를 s가 아니라 βs = {bs}에서 계산하세요.",
    wrong: "아쉽지만 아닙니다. 먼저 τ(s)를 구한 다음 τ′(s) = β·τ(s)(1 − τ(s))를 계산하세요.",
    worked: "τ({s}) = 1 / (1 + e^(−{beta}·{s})) = {y}이므로 τ′({s}) = β·τ(1 − τ) = {beta} · {y} · (1 − {y}) = {answer}입니다."
  } satisfies Catalogue<typeof import("../exercises/activations.js").SLOPE_STRINGS>,

  "exercise.vanishing-ten-layers": {
    title: "층 열 개 깊이",
    sigmoid: "시그모이드",
    relu: "ReLU",
    prompt: "은닉층이 {depth}개이고 층마다 유닛이 {width}개인 신경망이 있습니다. 기울기가 첫 층까지 사라지지 않고 전해지게 하는 은닉층 활성화 함수는 {choices} 가운데 무엇입니까?",
    choose: "활성화 함수를 하나 고르세요.",
    correct: "정답입니다: {name}에서는 첫 층이 여전히 출력층 기울기의 {ratio}배를 받습니다.",
    wrong: "{name}에서는 첫 층이 출력층 기울기의 {ratio}배밖에 받지 못합니다. 층마다 거꾸로 전해지는 신호에 τ′가 곱해집니다. {name}의 도함수는 얼마나 클 수 있을까요?",
    worked: "역전파는 층마다 기울기에 τ′를 한 번씩 곱합니다. 시그모이드의 τ′는 많아야 1/4이어서, 층 열 개를 지나면 기울기가 마지막 층의 {sigmoidRatio}배로 줄어듭니다. ReLU의 τ′는 유닛이 활성인 곳에서 1이므로, 첫 층에 {reluRatio}배가 남습니다."
  } satisfies Catalogue<typeof import("../exercises/activations.js").DEPTH_STRINGS>,

  "exercise.home-tribe": {
    title: "어느 갈래일까요?",
    prompt: "퍼셉트론과 이 사이트의 모든 신경망은 유닛 사이 연결의 가중치를 조절하며 배웁니다. 머신러닝의 다섯 갈래 {choices} 가운데 어디에 속할까요?",
    symbolists: "기호주의",
    evolutionaries: "유전 알고리즘",
    connectionists: "연결주의",
    analogizers: "유추주의",
    bayesians: "확률주의",
    choose: "다섯 갈래 가운데 하나를 고르세요.",
    correct: "정답입니다: 연결주의는 뇌의 연결을 본떠 학습을 설명합니다.",
    wrong: "이 갈래가 아닙니다. {tribe} 갈래는 다른 방식으로 배웁니다. 신경망이 조절하는 것에서 이름을 딴 갈래는 어느 것일까요?",
    worked: "연결주의입니다. 기호주의는 규칙과 논리를 배우고, 유전 알고리즘 갈래는 프로그램을 진화시키고, 유추주의는 비슷한 사례에서 추론하고, 확률주의는 확률을 새로 고칩니다. 연결주의는 신경망이 하듯 연결의 가중치를 조절합니다."
  } satisfies Catalogue<typeof import("../exercises/home.js").TRIBE_STRINGS>,

  exercise: {
    answer: "답",
    check: "확인",
    worked: "풀이 보기",
    done: "✓ 이 브라우저에서 이미 푼 문제입니다.",
    unknown: "“{id}”라는 문제는 없습니다.",
    attempts: "시도: {n}번.",
    unit: "은닉 유닛 {unit}",
    "blank.w1": "은닉 유닛 {unit}의 w₁",
    "blank.w2": "은닉 유닛 {unit}의 w₂",
    "blank.b": "은닉 유닛 {unit}의 b",
    live: "위의 플레이그라운드에서 바로 확인합니다. 학습시키다가 목표에 닿았다 싶으면 ‘확인’을 누르세요(학습하는 동안에도 저절로 확인합니다).",
    noPlayground: "이 페이지의 플레이그라운드가 아직 결과를 알려 주지 않아서, 여기서는 도전 과제를 확인할 수 없습니다."
  } satisfies Catalogue<typeof import("../../widgets/exercise.js").messages>,

  "course-progress": {
    tick: "✓ 문제 완료",
    summary: "이 브라우저에서 푼 문제: {total}개 중 {done}개.",
    memory: "이 브라우저는 사이트가 기록을 저장하지 못하게 합니다(사생활 보호 모드이거나 저장소가 차단됨). 기록은 이 페이지가 열려 있는 동안만 남습니다.",
    local: "기록은 이 브라우저에만 저장되며, 여러분의 컴퓨터 밖으로는 아무것도 나가지 않습니다.",
    clear: "내 진행 기록 지우기",
    cleared: "진행 기록을 지웠습니다."
  } satisfies Catalogue<typeof import("../../widgets/course-progress.js").messages>,

  format: {
    about: "약 {count}"
  } satisfies Catalogue<typeof import("../format.js").formatMessages>
};
