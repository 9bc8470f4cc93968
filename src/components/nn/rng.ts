/**
 * A small seeded pseudo-random generator (mulberry32) so that every "random"
 * initialisation, dataset and shuffle in the course can be reproduced from a
 * seed in a link.
 */
export interface Rng {
  /** Uniform in [0, 1). */
  (): number;
  /** Uniform in [a, b). */
  uniform(a: number, b: number): number;
  /** Standard normal (Box–Muller). */
  normal(mean?: number, std?: number): number;
  /** Integer in [0, n). */
  int(n: number): number;
  /** Fisher–Yates shuffle in place. */
  shuffle<T>(items: T[]): T[];
}

export function rng(seed: number): Rng {
  let state = (Math.floor(seed) ^ 0x9e3779b9) >>> 0;
  const next = (() => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }) as Rng;
  next.uniform = (a, b) => a + (b - a) * next();
  next.normal = (mean = 0, std = 1) => {
    const u = 1 - next();
    const v = next();
    return mean + std * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
  next.int = (n) => Math.floor(next() * n);
  next.shuffle = (items) => {
    for (let i = items.length - 1; i > 0; --i) {
      const j = next.int(i + 1);
      [items[i], items[j]] = [items[j], items[i]];
    }
    return items;
  };
  return next;
}
