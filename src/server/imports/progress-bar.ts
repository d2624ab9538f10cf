import type { Progress } from './import-progress.js';

const PHASES_IT: Record<string, string> = { reading: 'lettura del file', validating: 'verifica delle righe', applying: 'scrittura' };

const fraction = (p: Progress) => (p.total > 0 ? Math.min(1, p.processed / p.total) : 0);

export function renderBar(p: Progress, width = 30): string {
  const f = fraction(p);
  const filled = Math.round(f * width);
  const counts = p.phase === 'reading' ? '' : ` ${p.processed.toLocaleString('it-IT')}/${p.total.toLocaleString('it-IT')} righe`;
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(Math.floor(f * 100)).padStart(3)}% ${PHASES_IT[p.phase] ?? p.phase}${counts}`;
}

/**
 * A progress printer: on a terminal one bar redrawn in place (at most ~10 times a second),
 * otherwise (a log, a pipe) one plain line per 10 % step, so logs stay readable.
 */
export function createProgressPrinter(out: NodeJS.WriteStream | { isTTY?: boolean; write(s: string): unknown }) {
  let lastDraw = 0;
  let lastLine = '';
  let drawn = false;
  return {
    update(p: Progress) {
      if (!p.phase) return;
      if (out.isTTY) {
        const now = Date.now();
        if (now - lastDraw < 100 && p.processed < p.total) return;
        lastDraw = now;
        out.write(`\r${renderBar(p)}\u001b[K`);
        drawn = true;
        return;
      }
      const line = `${PHASES_IT[p.phase] ?? p.phase}: ${Math.floor(fraction(p) * 10) * 10}%`;
      if (line !== lastLine) {
        lastLine = line;
        out.write(`${line}\n`);
      }
    },
    end() {
      if (drawn) out.write('\n');
      drawn = false;
      lastLine = '';
    },
  };
}
