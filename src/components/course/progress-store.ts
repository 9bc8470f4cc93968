/**
 * Which exercises the learner has done, kept in this browser's localStorage
 * only (nothing leaves the machine). Storage may be missing, blocked or full
 * (private mode, strict settings, an embed in a sandboxed frame): then the
 * store keeps the ticks in memory for this page and says it is not persistent.
 * It never throws. DOM-free: storage is passed in or looked up on globalThis.
 */

/** One key for the whole site, versioned so a later format can ignore this one. */
export const PROGRESS_KEY = "perceptron-to-mnist:progress:v1";
/** Ids are short slugs; a longer or odder value in storage is not ours. */
const ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
const MAX_IDS = 200;

/** The part of the Web Storage API the store uses. */
export type ProgressStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

export interface ProgressStore {
  /** Ids of the exercises done, in the order they were first done. */
  done(): string[];
  isDone(id: string): boolean;
  markDone(id: string): void;
  /** Forgets every tick (the course map's "clear" control). */
  clear(): void;
  /** False when ticks last only as long as this page (no usable storage). */
  readonly persistent: boolean;
}

/** The browser's localStorage, or null where reading it is refused or it does not exist. */
function defaultStorage(): ProgressStorage | null {
  try {
    return (globalThis as {localStorage?: ProgressStorage}).localStorage ?? null;
  } catch {
    // Reading the property itself throws a SecurityError when storage is blocked.
    return null;
  }
}

function parse(text: string | null): string[] {
  if (!text) return [];
  try {
    const data: unknown = JSON.parse(text);
    const ids = (data as {done?: unknown})?.done;
    if (!Array.isArray(ids)) return [];
    return [...new Set(ids.filter((id): id is string => typeof id === "string" && ID.test(id)))].slice(0, MAX_IDS);
  } catch {
    return [];
  }
}

export function createProgressStore(storage: ProgressStorage | null = defaultStorage()): ProgressStore {
  let persistent = storage !== null;
  let memory: string[] = [];

  const read = (): string[] => {
    if (!storage || !persistent) return memory;
    try {
      memory = parse(storage.getItem(PROGRESS_KEY));
    } catch {
      persistent = false;
    }
    return memory;
  };

  const write = (ids: string[]): void => {
    memory = ids;
    if (!storage || !persistent) return;
    try {
      if (ids.length === 0) storage.removeItem(PROGRESS_KEY);
      else storage.setItem(PROGRESS_KEY, JSON.stringify({done: ids}));
    } catch {
      // Quota exceeded or storage revoked: keep the ticks for this page.
      persistent = false;
    }
  };

  return {
    done: () => read().slice(),
    isDone: (id) => read().includes(id),
    markDone(id) {
      if (!ID.test(id)) throw new RangeError(`not an exercise id: ${JSON.stringify(id.slice(0, 80))}`);
      const ids = read();
      if (!ids.includes(id) && ids.length < MAX_IDS) write([...ids, id]);
    },
    clear: () => write([]),
    get persistent() {
      return persistent;
    }
  };
}
