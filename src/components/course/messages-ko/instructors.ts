/** Korean for the instructors page: the embed builder and the widget titles. */
import type {Catalogue} from "../messages-ko.js";

export const koInstructors = {
  "embed-builder": {
    widget: "위젯",
    language: "위젯의 언어",
    "lang.en": "영어",
    "lang.ko": "한국어",
    edition: "두 스니펫 모두 위젯을 {language}로 넣습니다. iframe은 {page} 페이지를 보여 주고, 모듈은 {module}입니다.",
    settings: "설정(링크 또는 쿼리 문자열)",
    settingsPlaceholder: "예: 페이지에서 복사한 링크, 또는 w1=1&b=-1.5",
    height: "처음 높이(픽셀)",
    iframeLabel: "iframe 스니펫",
    moduleLabel: "모듈 스니펫",
    iframeHeading: "iframe(iframe을 허용하는 LMS 페이지라면 어디서나 동작)",
    moduleHeading: "JavaScript 모듈(직접 관리하는 강좌 사이트용)",
    preview: "{title} 미리 보기({src}):",
    previewTitle: "미리 보기: {title}"
  } satisfies Catalogue<typeof import("../../widgets/embed-builder.js").messages>,

  "widget-titles": {
    perceptron: "퍼셉트론: 손으로 정하는 가중치와 결정 경계",
    "perceptron-blanks": "빈칸 채우기: 논리 게이트의 가중치",
    "perceptron-learner": "퍼셉트론이 논리 게이트를 학습합니다",
    "xor-composition": "두 층으로 만드는 XOR = AND(NAND, OR)",
    "hidden-space": "은닉층이 보는 XOR",
    "xor-trainer": "XOR을 학습하는 다층 퍼셉트론",
    "gradient-descent": "곡선 위의 경사 하강법",
    "gd-quiz": "강의의 연습 문제: y = x²에서 두 번 갱신하기",
    "gd-2d": "2차원에서 본 경사 하강법, 모멘텀, Adam",
    backprop: "한 단계씩 따라가는 역전파",
    "sigmoid-derivative": "시그모이드의 도함수",
    activations: "활성화 함수와 그 도함수",
    "vanishing-gradients": "직접 재어 보는 기울기 소실",
    "relu-timing": "활성화 함수마다 얼마나 빠를까?",
    playground: "플레이그라운드",
    mnist: "브라우저에서 MNIST: 강의의 신경망 학습하기",
    "seed-spread": "같은 구성, 여러 시드: 실행 결과 가운데 우연이 차지하는 몫",
    exercise: "채점되는 연습 문제(목록에 있는 문제 하나를 골라서)",
    "course-progress": "강좌 지도에 표시되는 학습 진행",
    "pytorch-code": "지금 설정을 PyTorch 코드로",
    "embed-builder": "삽입 스니펫 만들기"
  } satisfies Catalogue<typeof import("../registry.js").widgetTitles>
};
