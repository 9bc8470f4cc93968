/**
 * The page's handle on one training worker: typed messages both ways,
 * request/response for predictions and memory, and disposal.
 */
import type {FromWorker, ToWorker} from "./protocol.js";

type Listener = (message: FromWorker) => void;

export class TrainingSession {
  private readonly worker: Worker;
  private readonly listeners = new Set<Listener>();
  private readonly pending = new Map<number, (message: FromWorker) => void>();
  private nextId = 1;
  /** Every message so far, so late subscribers can catch up. */
  readonly history: FromWorker[] = [];

  constructor(url: string, init: Extract<ToWorker, {type: "init"}>) {
    this.worker = new Worker(url, {type: "module"});
    this.worker.onmessage = ({data}: MessageEvent<FromWorker>) => {
      if ((data.type === "prediction" || data.type === "memory") && this.pending.has(data.id)) {
        this.pending.get(data.id)!(data);
        this.pending.delete(data.id);
        return;
      }
      if (data.type !== "tick") this.history.push(data);
      for (const listener of this.listeners) listener(data);
    };
    this.worker.onerror = (event) => {
      event.preventDefault();
      const message: FromWorker = {type: "state", state: "failed", problem: {code: "worker", detail: event.message}};
      this.history.push(message);
      for (const listener of this.listeners) listener(message);
    };
    this.send(init);
  }

  send(message: ToWorker): void {
    this.worker.postMessage(message);
  }

  /** Subscribes, replaying the history first; returns the unsubscribe function. */
  subscribe(listener: Listener): () => void {
    for (const message of this.history) listener(message);
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private request<T extends FromWorker>(make: (id: number) => ToWorker, transfer: Transferable[] = []): Promise<T> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve as (m: FromWorker) => void);
      this.worker.postMessage(make(id), transfer);
    });
  }

  /** Class probabilities for one normalised 28×28 image (empty before training). */
  async predict(pixels: Float32Array): Promise<Float32Array> {
    const reply = await this.request<Extract<FromWorker, {type: "prediction"}>>((id) => ({type: "predict", id, pixels}));
    return reply.probabilities;
  }

  async memory(): Promise<{tensors: number; bytes: number}> {
    const {tensors, bytes} = await this.request<Extract<FromWorker, {type: "memory"}>>((id) => ({type: "memory", id}));
    return {tensors, bytes};
  }

  /** Ends the worker; every tensor it held goes with it. */
  dispose(): void {
    this.listeners.clear();
    this.pending.clear();
    this.worker.terminate();
  }
}
