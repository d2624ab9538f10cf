// Moved to worker-events.repository.ts (only repositories name tables). Other domains import
// appendWorkerEvent from '../people/index.js'; this re-export keeps the callers not yet moved working.
export { appendWorkerEvent, type WorkerEventInput } from './worker-events.repository.js';
