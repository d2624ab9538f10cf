/**
 * Values remembered in memory per database handle: the one mechanism behind the lookups that
 * every worker page or list makes and whose answers almost never change (the comuni of the
 * current reference release, office names). A `WeakMap` keyed by the handle, so each test
 * database or instance keeps its own; `forget()` drops everything at once (a release became
 * current, an office was renamed through this process); `keepMs` bounds how long a value is
 * trusted when another instance may change it.
 *
 * Nothing that decides access may be remembered this way.
 */
export interface RememberedLookupOptions {
  /** How long values are kept (default: until `forget()`). */
  keepMs?: number;
  /** Remember that a key was not found, so it is not asked again (default: false). */
  rememberUnknown?: boolean;
}

export function createRememberedLookup<V>(options: RememberedLookupOptions = {}) {
  const keepMs = options.keepMs ?? Infinity;
  let generation = 0;
  const byHandle = new WeakMap<object, { at: number; generation: number; values: Map<string, V | null> }>();

  function valuesFor(handle: object) {
    const now = Date.now();
    let entry = byHandle.get(handle);
    if (!entry || entry.generation !== generation || now - entry.at > keepMs) {
      entry = { at: now, generation, values: new Map() };
      byHandle.set(handle, entry);
    }
    return entry.values;
  }

  return {
    /** Everything remembered is read again on next use. */
    forget(): void {
      generation++;
    },

    /**
     * The values of `keys`: the remembered ones at once, the others with one call of
     * `read(missing)`, remembered for next time.
     */
    async lookup(handle: object, keys: readonly string[], read: (missing: string[]) => Promise<Map<string, V>>): Promise<Map<string, V>> {
      const values = valuesFor(handle);
      const found = new Map<string, V>();
      const missing: string[] = [];
      for (const key of new Set(keys)) {
        const value = values.get(key);
        if (value !== undefined && value !== null) found.set(key, value);
        else if (value === undefined) missing.push(key);
      }
      if (missing.length === 0) return found;
      const fresh = await read(missing);
      for (const key of missing) {
        const value = fresh.get(key);
        if (value !== undefined) {
          values.set(key, value);
          found.set(key, value);
        } else if (options.rememberUnknown) values.set(key, null);
      }
      return found;
    },
  };
}
