/**
 * Runs training steps for at most a time budget per animation frame, so the
 * page keeps its frame rate whatever the network and batch size cost: cheap
 * steps run many times per frame, an expensive one runs once.
 */
export function runForBudget(step: () => boolean, budgetMs: number, now: () => number, maxSteps = 100_000): {steps: number; stopped: boolean} {
  const start = now();
  let steps = 0;
  do {
    if (!step()) return {steps, stopped: true};
    ++steps;
  } while (steps < maxSteps && now() - start < budgetMs);
  return {steps, stopped: false};
}

/** Performance-timeline name of one animation frame's work (training + drawing), read by the benchmark. */
export const FRAME_MEASURE = "playground-frame";
