/** Korean for the kernel's own namespaces: the play loop's buttons, URL notices, the sample digits. */
import type {Catalogue} from "../messages-ko.js";

export const koKernel = {
  widget: {
    play: "재생",
    pause: "일시 정지",
    step: "한 단계",
    reset: "처음으로"
  } satisfies Catalogue<typeof import("../widget.js").kernelMessages>,

  "url-state": {
    notNumber: "{name}: {raw} 값은 숫자가 아니어서 {value} 값을 사용합니다.",
    outside: "{name}: {raw} 값이 {min}…{max} 범위를 벗어나 {value} 값을 사용합니다.",
    outsideInteger: "{name}: {raw} 값이 {min}…{max} 범위를 벗어나거나 정수가 아니어서 {value} 값을 사용합니다.",
    notOneOf: "{name}: {raw} 값은 {values} 중 하나가 아니어서 {value} 값을 사용합니다.",
    notBoolean: "{name}: {raw} 값은 true도 false도 아니어서 {value} 값을 사용합니다.",
    notList: "{name}: {raw} 값은 숫자 목록이 아니어서 {value} 값을 사용합니다.",
    listChanged: "{name}: {raw} 대신 {value} 값을 사용합니다({min}…{max} 범위의 값 {minLength}–{maxLength}개).",
    none: "없음",
    adjusted: "링크에 담긴 설정 중 일부가 올바르지 않아 다음과 같이 조정했습니다:"
  } satisfies Catalogue<typeof import("../url-state.js").urlMessages>,

  "sample-digits": {
    loading: "첫 번째 MNIST 시험 데이터 조각을 불러오는 중",
    progress: "{total} kB 중 {loaded} kB",
    digit: "손글씨 숫자, 정답 {label}"
  } satisfies Catalogue<typeof import("../sample-digits.js").messages>
};
