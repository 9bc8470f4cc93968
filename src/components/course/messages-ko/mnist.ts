/** Korean for the MNIST page's trainer, run view, charts, worker messages and exercises. */

export const koMnist = {};
