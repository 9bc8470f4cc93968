/**
 * A square canvas to draw a digit on with mouse, pen or touch (pointer
 * events), white ink on black like MNIST. Reports the ink after each stroke
 * and, throttled, while drawing.
 */
import {button, element} from "../course/dom.js";

/** The pad's texts, already in the page's language. */
export interface DrawPadLabels {
  /** Text alternative of the drawing area. */
  area: string;
  clear: string;
}

export interface DrawPad {
  element: HTMLElement;
  canvas: HTMLCanvasElement;
  clear(): void;
}

export function drawPad(onInk: (ink: Float32Array, size: number) => void, labels: DrawPadLabels, size = 280): DrawPad {
  const canvas = element("canvas");
  canvas.width = canvas.height = size;
  canvas.setAttribute("role", "img");
  canvas.setAttribute("aria-label", labels.area);
  canvas.style.touchAction = "none";
  const context = canvas.getContext("2d", {willReadFrequently: true})!;
  context.lineCap = context.lineJoin = "round";
  context.lineWidth = size / 14;
  context.strokeStyle = "white";
  const paintBackground = () => {
    context.fillStyle = "black";
    context.fillRect(0, 0, size, size);
  };
  paintBackground();

  const ink = (): Float32Array => {
    const {data} = context.getImageData(0, 0, size, size);
    const out = new Float32Array(size * size);
    for (let i = 0; i < out.length; ++i) out[i] = data[4 * i] / 255;
    return out;
  };
  let lastReport = 0;
  const report = (force: boolean) => {
    const now = performance.now();
    if (!force && now - lastReport < 150) return;
    lastReport = now;
    onInk(ink(), size);
  };

  let drawing = false;
  const point = (event: PointerEvent): [number, number] => {
    const rect = canvas.getBoundingClientRect();
    return [((event.clientX - rect.left) * size) / rect.width, ((event.clientY - rect.top) * size) / rect.height];
  };
  canvas.addEventListener("pointerdown", (event) => {
    drawing = true;
    canvas.setPointerCapture(event.pointerId);
    const [x, y] = point(event);
    context.beginPath();
    context.moveTo(x, y);
    context.lineTo(x + 0.01, y);
    context.stroke();
    event.preventDefault();
  });
  canvas.addEventListener("pointermove", (event) => {
    if (!drawing) return;
    const [x, y] = point(event);
    context.lineTo(x, y);
    context.stroke();
    report(false);
  });
  const end = () => {
    if (!drawing) return;
    drawing = false;
    report(true);
  };
  canvas.addEventListener("pointerup", end);
  canvas.addEventListener("pointercancel", end);

  const clear = () => {
    paintBackground();
    report(true);
  };
  return {element: element("div", "draw-pad", canvas, button(labels.clear, clear)), canvas, clear};
}
