/**
 * The playground's main plane on a canvas (redrawn every frame while
 * training): the decision boundary shaded by confidence, the data points on
 * top, axis ticks; a click reports the plane coordinates of the point clicked.
 */
import {PLANE} from "../playground/datasets.js";
import type {LabeledPoint} from "../playground/datasets.js";
import {CLASS_COLORS, shadeOutputs} from "./playground-colors.js";

const SIZE = 340;
const MARGIN = 24;
const INNER = SIZE - 2 * MARGIN;

export interface PlaneView {
  element: HTMLCanvasElement;
  draw(outputs: Float32Array[], resolution: number, train: readonly LabeledPoint[], test: readonly LabeledPoint[], options: {discretize: boolean; showTest: boolean}): void;
  png(): Promise<Blob | null>;
}

export function createPlane(onClick: (x1: number, x2: number) => void, ariaLabel: () => string): PlaneView {
  const canvas = document.createElement("canvas");
  const scale = Math.min(2, Math.max(1, globalThis.devicePixelRatio || 1));
  canvas.width = SIZE * scale;
  canvas.height = SIZE * scale;
  canvas.style.width = `${SIZE}px`;
  canvas.style.height = `${SIZE}px`;
  canvas.className = "playground-plane";
  canvas.setAttribute("role", "img");
  const context = canvas.getContext("2d")!;
  context.scale(scale, scale);
  const cells = document.createElement("canvas");
  const cellContext = cells.getContext("2d")!;
  let image: ImageData | null = null;

  const toPixel = (x: number) => MARGIN + ((x + PLANE) / (2 * PLANE)) * INNER;
  const toPlane = (pixel: number) => ((pixel - MARGIN) / INNER) * 2 * PLANE - PLANE;

  canvas.addEventListener("click", (event) => {
    const box = canvas.getBoundingClientRect();
    const x1 = toPlane(((event.clientX - box.left) / box.width) * SIZE);
    const x2 = -toPlane(((event.clientY - box.top) / box.height) * SIZE);
    if (Math.abs(x1) <= PLANE && Math.abs(x2) <= PLANE) onClick(x1, x2);
  });

  /** One path per class, so a thousand points cost a few draw calls. */
  const dots = (points: readonly LabeledPoint[], hollow: boolean) => {
    context.lineWidth = 1.5;
    CLASS_COLORS.forEach((color, label) => {
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
    draw(outputs, resolution, train, test, {discretize, showTest}) {
      if (!image || image.width !== resolution) {
        cells.width = cells.height = resolution;
        image = cellContext.createImageData(resolution, resolution);
      }
      shadeOutputs(outputs, image.data, discretize);
      cellContext.putImageData(image, 0, 0);
      context.clearRect(0, 0, SIZE, SIZE);
      context.imageSmoothingEnabled = !discretize;
      context.drawImage(cells, MARGIN, MARGIN, INNER, INNER);
      context.strokeStyle = "#888";
      context.lineWidth = 1;
      context.strokeRect(MARGIN, MARGIN, INNER, INNER);
      context.fillStyle = "#333";
      context.font = "11px system-ui, sans-serif";
      context.textAlign = "center";
      for (const tick of [-PLANE, 0, PLANE]) {
        context.fillText(String(tick), toPixel(tick), SIZE - MARGIN + 14);
        context.fillText(String(-tick), MARGIN - 12, toPixel(tick) + 4);
      }
      context.fillText("x₁", SIZE - MARGIN / 2, SIZE - MARGIN + 14);
      context.fillText("x₂", MARGIN - 12, MARGIN - 8);
      dots(train, false);
      if (showTest) dots(test, true);
      canvas.setAttribute("aria-label", ariaLabel());
    },
    png: () => new Promise((resolve) => canvas.toBlob(resolve, "image/png"))
  };
}
