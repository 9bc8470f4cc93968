/** Drawing MNIST digits: one image per digit, labelled, as a grid. */
import {element} from "../course/dom.js";

/** The one canvas every digit is painted on before it becomes an image. */
let scratch: HTMLCanvasElement | null = null;

/**
 * A rows×cols uint8 image (0 = background) as an <img>, ink dark on light, with
 * `label` as its text alternative. An image, not a canvas: Chromium gives each
 * canvas a composited layer and produces its resource again at each commit
 * (49 digits added 12–27 ms to every frame of the MNIST page while it trained);
 * an image is rastered once with the rest of the page.
 */
export function digitImage(pixels: Uint8Array, label: string, rows = 28, cols = 28): HTMLImageElement {
  scratch ??= element("canvas");
  scratch.width = cols;
  scratch.height = rows;
  const context = scratch.getContext("2d", {willReadFrequently: true})!;
  const image = context.createImageData(cols, rows);
  for (let i = 0; i < rows * cols; ++i) {
    const v = 255 - pixels[i];
    image.data[4 * i] = image.data[4 * i + 1] = image.data[4 * i + 2] = v;
    image.data[4 * i + 3] = 255;
  }
  context.putImageData(image, 0, 0);
  const img = element("img", "digit");
  img.width = cols;
  img.height = rows;
  img.alt = label;
  img.src = scratch.toDataURL();
  return img;
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
    const figure = element("figure", "", digitImage(item.pixels, item.label), element("figcaption", "", item.caption));
    figure.setAttribute("role", "listitem");
    grid.append(figure);
  }
  return grid;
}
