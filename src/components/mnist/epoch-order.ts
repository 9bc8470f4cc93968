/**
 * Which images each batch of an epoch takes: a seeded shuffle of the whole
 * training set, batch after batch, the last partial batch dropped (PyTorch's
 * shuffle=True, drop_last=True). While shards are still arriving, images not
 * yet loaded are deferred to the end of the epoch instead of being skipped,
 * so every image is still seen once; with all data present the order is
 * exactly the shuffle.
 */
import type {Rng} from "../nn/rng.js";

export class EpochOrder {
  readonly batches: number;
  private order: Int32Array;
  private cursor = 0;
  private deferred: number[] = [];
  private pending: number[] = [];
  private emitted = 0;

  constructor(total: number, readonly batchSize: number, random: Rng) {
    this.order = Int32Array.from(random.shuffle(Array.from({length: total}, (_, i) => i)));
    this.batches = Math.floor(total / batchSize);
  }

  get done(): boolean {
    return this.emitted >= this.batches;
  }

  /**
   * The next batch's image indices, using only images below `available`;
   * null when it has to wait for more data (call again after it arrives).
   */
  next(available: number): Int32Array | null {
    if (this.done) throw new Error("epoch is over");
    while (this.pending.length < this.batchSize) {
      if (this.cursor < this.order.length) {
        const i = this.order[this.cursor++];
        (i < available ? this.pending : this.deferred).push(i);
        continue;
      }
      if (!this.deferred.some((i) => i < available)) return null;
      this.order = Int32Array.from(this.deferred);
      this.deferred = [];
      this.cursor = 0;
    }
    this.emitted++;
    return Int32Array.from(this.pending.splice(0));
  }
}
