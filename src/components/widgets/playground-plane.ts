/**
 * The playground's main plane on a canvas (redrawn every frame while
 * training): the decision boundary shaded by confidence, the data points on
 * top, axis ticks; a tap or click (pointer events) reports the plane
 * coordinates of the point under it.
 */
import {PALETTE} from "../charts/palette.js";
import {element} from "../course/dom.js";
import {PLANE} from "../playground/datasets.js";
import type {LabeledPoint} from "../playground/datasets.js";
import {shadeOutputs} from "./playground-colors.js";

/** Largest side of the plane in CSS pixels. */
export const PLANE_SIZE = 340;
const MARGIN = 24;

export interface PlaneView {
  element: HTMLCanvasElement;
  /** Sets the side in CSS pixels (at most PLANE_SIZE); the next `draw` uses it. */
  setSize(size: number): void;
  draw(outputs: Float32Array[], resolution: number, train: readonly LabeledPoint[], test: readonly LabeledPoint[], options: {discretize: boolean; showTest: boolean}): void;
  png(): Promise<Blob | null>;
}

export function createPlane(onClick: (x1: number, x2: number) => void, ariaLabel: () => string): PlaneView {
  const canvas = element("canvas", "playground-plane");
  const scale = Math.min(2, Math.max(1, globalThis.devicePixelRatio || 1));
  canvas.setAttribute("role", "img");
  const context = canvas.getContext("2d")!;
  const cells = element("canvas");
  const cellContext = cells.getContext("2d")!;
  // The border, ticks and axis names, drawn once per size off the page: setting a font on the page's own canvas recomputes the page's style, in every frame.
  const frame = element("canvas");
  const frameContext = frame.getContext("2d")!;
  let image: ImageData | null = null;
  let size = 0;
  const inner = () => size - 2 * MARGIN;

  const setSize = (next: number) => {
    size = Math.max(160, Math.min(PLANE_SIZE, Math.floor(next)));
    canvas.width = size * scale;
    canvas.height = size * scale;
    canvas.style.width = `${size}px`;
    canvas.style.height = `${size}px`;
    context.setTransform(scale, 0, 0, scale, 0, 0);
    frame.width = frame.height = size * scale;
    frameContext.setTransform(scale, 0, 0, scale, 0, 0);
    frameContext.strokeStyle = PALETTE.neutral;
    frameContext.lineWidth = 1;
    frameContext.strokeRect(MARGIN, MARGIN, inner(), inner());
    frameContext.fillStyle = PALETTE.ink;
    frameContext.font = "11px system-ui, sans-serif";
    frameContext.textAlign = "center";
    for (const tick of [-PLANE, 0, PLANE]) {
      frameContext.fillText(String(tick), toPixel(tick), size - MARGIN + 14);
      frameContext.fillText(String(-tick), MARGIN - 12, toPixel(tick) + 4);
    }
    frameContext.fillText("x₁", size - MARGIN / 2, size - MARGIN + 14);
    frameContext.fillText("x₂", MARGIN - 12, MARGIN - 8);
  };
  const toPixel = (x: number) => MARGIN + ((x + PLANE) / (2 * PLANE)) * inner();
  setSize(PLANE_SIZE);

  const toPlane = (pixel: number) => ((pixel - MARGIN) / inner()) * 2 * PLANE - PLANE;

  // pointerup, not click: a tap on a touch screen places a point, a swipe (pointercancel) scrolls.
  canvas.addEventListener("pointerup", (event) => {
    if (!event.isPrimary) return;
    const box = canvas.getBoundingClientRect();
    const x1 = toPlane(((event.clientX - box.left) / box.width) * size);
    const x2 = -toPlane(((event.clientY - box.top) / box.height) * size);
    if (Math.abs(x1) <= PLANE && Math.abs(x2) <= PLANE) onClick(x1, x2);
  });

  /** One path per class, so a thousand points cost a few draw calls. */
  const dots = (points: readonly LabeledPoint[], hollow: boolean) => {
    context.lineWidth = 1.5;
    PALETTE.classes.forEach((color, label) => {
      context.beginPath();
      for (const p of points) {
        if (p.label !== label) continue;
        const x = toPixel(p.x1);
        const y = toPixel(-p.x2);
        context.moveTo(x + 3.5, y);
        context.arc(x, y, 3.5, 0, 2 * Math.PI);
      }
      context.fillStyle = hollow ? "white" : color;
      context.strokeStyle = hollow ? color : "white";
      context.fill();
      context.stroke();
    });
  };

  return {
    element: canvas,
    setSize,
    draw(outputs, resolution, train, test, {discretize, showTest}) {
      if (!image || image.width !== resolution) {
        cells.width = cells.height = resolution;
        image = cellContext.createImageData(resolution, resolution);
      }
      shadeOutputs(outputs, image.data, discretize);
      cellContext.putImageData(image, 0, 0);
      context.clearRect(0, 0, size, size);
      context.imageSmoothingEnabled = !discretize;
      context.drawImage(cells, MARGIN, MARGIN, inner(), inner());
      context.drawImage(frame, 0, 0, size, size);
      dots(train, false);
      if (showTest) dots(test, true);
      canvas.setAttribute("aria-label", ariaLabel());
    },
    png: () => new Promise((resolve) => canvas.toBlob(resolve, "image/png"))
  };
}
