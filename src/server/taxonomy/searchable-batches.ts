/**
 * The ids of the batches searches read (active batches of current releases) change only when an
 * import finishes, yet every keystroke of a type-ahead needs them. They are kept for a second:
 * imports in this process drop the copy at once; an import run by another process (the CLI,
 * another instance behind the load balancer) shows in searches within a second.
 */
const TTL_MS = 1_000;

let generation = 0;

/** Called by the importers once their batches are active (or abandoned). */
export function searchableBatchesChanged(): void {
  generation += 1;
}

export function cachedSearchableBatches(load: () => Promise<number[]>, now: () => number = () => performance.now()) {
  let cached: { ids: number[]; at: number; generation: number } | undefined;
  return async (): Promise<number[]> => {
    if (cached && cached.generation === generation && now() - cached.at < TTL_MS) return cached.ids;
    const seen = generation;
    const ids = await load();
    cached = { ids, at: now(), generation: seen };
    return ids;
  };
}
