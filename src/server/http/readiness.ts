/**
 * Whether the database behind the app is ready (migrated, reference data and demo data loaded).
 * `serve` listens first and prepares the database afterwards, so the first page is served at
 * once; until then the API answers 503 SERVICE_STARTING and the web app says it is starting.
 */
export interface Readiness {
  isReady(): boolean;
  /** What is being prepared now, for /api/health. */
  phase(): string;
  whenReady: Promise<void>;
}

export function createReadiness() {
  let ready = false;
  let phase = 'starting';
  let resolve!: () => void;
  const whenReady = new Promise<void>((r) => (resolve = r));
  return {
    isReady: () => ready,
    phase: () => phase,
    whenReady,
    setPhase(next: string) {
      phase = next;
    },
    markReady() {
      ready = true;
      phase = 'ready';
      resolve();
    },
  };
}

/** For apps built on a database that is already prepared (tests, CLI tools). */
export const ALREADY_READY: Readiness = { isReady: () => true, phase: () => 'ready', whenReady: Promise.resolve() };
