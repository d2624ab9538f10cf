// CV PDF generation (issue 11): one CV ≤ 300 ms; 1,000 CVs in a batch ≤ 60 s with memory flat.
// The CVs are the renderer tests' invented workers: a short one (1 page), a long one (11 jobs,
// 3 pages), one with a photo and one with long accented words, in turn.
// Baselines in the same run: an empty pdfkit A4 page with the standard Helvetica, and a page
// with the embedded Titillium Web fonts and one line (the fixed cost of every CV).
// Run: node --import tsx bench/cv-pdf.bench.ts   (BATCH=1000)
import { loadavg } from 'node:os';
import PDFDocument from 'pdfkit';
import { renderCvPdf } from '../src/server/cv/export/cv-pdf.js';
import { accentsCv, longCv, photoCv, shortCv } from '../src/server/cv/export/cv-samples.test-helper.js';
import { projectPath } from '../src/server/paths.js';
import type { CvInput } from '../src/server/cv/export/cv-input.js';

const BATCH = Number(process.env.BATCH ?? 1000);

function pdfkitPage(withFont: boolean): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4' });
  if (withFont) doc.font(projectPath('data', 'fonts', 'titillium-web', 'TitilliumWeb-Regular.ttf')).text('Curriculum vitae');
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.end();
  return done;
}

// CPU time beside wall time: on a machine shared with other jobs the wall time measures the queue.
const cpuMs = (since: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1000;
};

async function timed(runs: number, make: () => Promise<Buffer>) {
  const ms: number[] = [];
  let bytes = 0;
  const cpu = process.cpuUsage();
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    bytes = (await make()).length;
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  const p = (q: number) => ms[Math.min(ms.length - 1, Math.floor(q * ms.length))]!.toFixed(1);
  const cpuPerRun = (cpuMs(cpu) / runs).toFixed(1);
  return `p50 ${p(0.5)} ms, p95 ${p(0.95)} ms, max ${ms.at(-1)!.toFixed(1)} ms, CPU ${cpuPerRun} ms per run, ${(bytes / 1024).toFixed(0)} KB`;
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;
const samples: [string, () => CvInput][] = [
  ['short (1 page)', shortCv],
  ['long (3 pages)', longCv],
  ['photo', photoCv],
  ['accents', accentsCv],
];

// Warm up the fonts and the JIT, as a running server would be.
for (const [, make] of samples) await renderCvPdf(make());

console.log(
  `Load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} on this machine`,
);
console.log('Baselines:');
console.log(`  empty pdfkit page (Helvetica)         ${await timed(50, () => pdfkitPage(false))}`);
console.log(`  one line in embedded Titillium Web    ${await timed(50, () => pdfkitPage(true))}`);
console.log('One CV (50 runs each; target ≤ 300 ms):');
for (const [name, make] of samples) {
  const input = make();
  console.log(`  ${name.padEnd(36)}  ${await timed(50, () => renderCvPdf(input))}`);
}

console.log(`Batch of ${BATCH} CVs, one after the other (target ≤ 60 s, memory flat):`);
const inputs = Array.from({ length: 40 }, (_, i) => samples[i % samples.length]![1]());
const started = performance.now();
const batchCpu = process.cpuUsage();
let pages = 0;
for (let i = 1; i <= BATCH; i++) {
  const pdf = await renderCvPdf(inputs[i % inputs.length]!);
  pages += pdf.length > 0 ? 1 : 0;
  if (i % Math.max(1, Math.floor(BATCH / 10)) === 0) {
    const m = process.memoryUsage();
    console.log(
      `  ${String(i).padStart(5)} CVs  ${((performance.now() - started) / 1000).toFixed(1).padStart(5)} s  rss ${mb(m.rss)}  heap used ${mb(m.heapUsed)}`,
    );
  }
}
const total = (performance.now() - started) / 1000;
console.log(
  `  ${pages} CVs in ${total.toFixed(1)} s (${((total * 1000) / BATCH).toFixed(0)} ms per CV), CPU ${(cpuMs(batchCpu) / 1000).toFixed(1)} s; load average ${loadavg()[0]!.toFixed(1)}`,
);
