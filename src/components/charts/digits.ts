/** Drawing MNIST digits: one canvas per image, labelled, as a grid. */
import {element} from "../course/dom.js";

/** Paints a rows×cols uint8 image (0 = background) into a new canvas, ink dark on light. */
export function digitCanvas(pixels: Uint8Array, rows = 28, cols = 28): HTMLCanvasElement {
  const canvas = element("canvas");
  canvas.width = cols;
  canvas.height = rows;
  const context = canvas.getContext("2d")!;
  const image = context.createImageData(cols, rows);
  for (let i = 0; i < rows * cols; ++i) {
    const v = 255 - pixels[i];
    image.data[4 * i] = image.data[4 * i + 1] = image.data[4 * i + 2] = v;
    image.data[4 * i + 3] = 255;
  }
  context.putImageData(image, 0, 0);
  return canvas;
}

export interface DigitGridItem {
  pixels: Uint8Array;
  caption: string;
  /** Text alternative for the image. */
  label: string;
}

/** A wrapping grid of captioned digits. */
export function digitGrid(items: DigitGridItem[]): HTMLElement {
  const grid = element("div", "digit-grid");
  grid.setAttribute("role", "list");
  for (const item of items) {
    const canvas = digitCanvas(item.pixels);
    canvas.setAttribute("role", "img");
    canvas.setAttribute("aria-label", item.label);
    const figure = element("figure", "", canvas, element("figcaption", "", item.caption));
    figure.setAttribute("role", "listitem");
    grid.append(figure);
  }
  return grid;
}
