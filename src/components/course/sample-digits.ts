/**
 * The home page's first MNIST test digits, decoded in the browser from the
 * first test shard: a progress bar while it loads, then a grid of labelled
 * digits, or a message naming the shard that failed. Its texts go through the
 * strings hook (namespace "sample-digits"), so both home pages share it.
 */
import {digitGrid} from "../charts/digits.js";
import {loadManifest, shardUrl} from "../mnist/shard-files.js";
import {readShards, shardsOf} from "../mnist/shard-reader.js";
import {progressView} from "./progress.js";
import {translator, type Lang, type Messages} from "./strings.js";

export const messages = {
  loading: "Loading the first MNIST test shard",
  progress: "{loaded} of {total} kB",
  digit: "Handwritten digit, labelled {label}"
} satisfies Messages;

const SIZE = 28 * 28;

/** Yields the progress element, then the grid of the first `count` test digits. */
export async function* sampleDigits(count = 24, lang?: Lang): AsyncGenerator<HTMLElement> {
  const t = translator("sample-digits", messages, lang);
  const progress = progressView(t("loading"));
  yield progress.element;
  try {
    const manifest = await loadManifest();
    const [first] = shardsOf(manifest, "test");
    for await (const {pixels, labels} of readShards([first], {
      resolve: shardUrl,
      onProgress: (p) => progress.update(p.loadedBytes, p.totalBytes, t("progress", {loaded: (p.loadedBytes / 1e3).toFixed(0), total: (p.totalBytes / 1e3).toFixed(0)}))
    })) {
      yield digitGrid(
        Array.from({length: count}, (_, i) => ({
          pixels: pixels.subarray(i * SIZE, (i + 1) * SIZE),
          caption: String(labels[i]),
          label: t("digit", {label: labels[i]})
        }))
      );
    }
  } catch (error) {
    progress.fail((error as Error).message);
  }
}
