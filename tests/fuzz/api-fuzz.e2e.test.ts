import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOutreachWorld } from '../factories/outreach.js';
import { buildCigsCase } from '../factories/programmes.js';
import { buildWorkers, insertWorkers, SURNAMES } from '../factories/workers.js';
import { fixtureRow, fixtureWorker, HEADERS_IT, toCsv, toXlsx } from '../fixtures/imports/worker-fixtures.js';
import { DEMO, createTestApp, officeIdByCode, signIn, type Agent, type TestApp } from '../helpers/test-app.js';
import { DEMO_PASSWORD } from '../../src/server/demo/demo-organisation.js';
import {
  createRandom,
  generate,
  hostileText,
  type GenerateContext,
  type IdPools,
  type JsonSchema,
  type Mode,
  type Random,
} from './generate.js';

/**
 * Schema-driven fuzzing of the whole API, from its OpenAPI document: every operation, round after
 * round in a seeded order, gets requests built from its parameter and body schemas — valid,
 * boundary and hostile values, real ids of the seeded data and unknown ones — as an administrator
 * and, for a quarter of them, as a consultant. Every answer must be 2xx/3xx, or a 4xx
 * application/problem+json with a code; never a 5xx.
 *
 * FUZZ_SEED replays a run (the seed is printed); FUZZ_SECONDS bounds it (60 by default);
 * FUZZ_REQUESTS stops it after that many requests (with the same seed, the same first N requests).
 *
 * Destructive operations do not stop the run: after a sign-out the agent signs in again; the two
 * fuzzing accounts are never the target of a staff operation (disable, reset, role change), so
 * they keep their rights; sign-in is fuzzed from other addresses and other e-mails, so throttling
 * never locks the fuzzing accounts out.
 */

const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Math.floor(Math.random() * 2 ** 31);
const SECONDS = Number(process.env.FUZZ_SECONDS ?? 60);
const MAX_REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 100_000);
/** FUZZ_TRACE=/workers/ prints every request and answer of the operations whose path contains it. */
const TRACE = process.env.FUZZ_TRACE;

interface Operation {
  method: string;
  path: string;
  parameters: Array<{ name: string; in: 'path' | 'query'; required?: boolean; schema: JsonSchema }>;
  jsonBody?: JsonSchema;
  rawBody: boolean;
  bodyRequired: boolean;
}

interface Failure {
  operation: string;
  request: string;
  status: number;
  answer: string;
}

let t: TestApp;
const agents: Record<'admin' | 'consultant', Agent> = {} as never;
const protectedIds = new Set<string>();
let document: JsonSchema;

/** Seeded data, with the names real registers hold, beyond the demo: a second world of outreach, workers, a crisis company, an import. */
beforeAll(async () => {
  t = await createTestApp();
  const { db } = t.database;
  agents.admin = await signIn(t.app, DEMO.admin);
  agents.consultant = await signIn(t.app, DEMO.consultant);
  const accounts = await db.selectFrom('staff_users').select(['id', 'email']).execute();
  for (const a of accounts) if (a.email === DEMO.admin || a.email === DEMO.consultant) protectedIds.add(a.id);
  const modena = await officeIdByCode(t.database, 'CPI-MO');
  const network = (await db.selectFrom('offices').select('network_id').where('id', '=', modena).executeTakeFirstOrThrow()).network_id;
  await buildOutreachWorld(db, network, new Date().toISOString().slice(0, 10));
  const { caseId } = await buildCigsCase(db, network, { companyName: "Ceramiche D'Angelo S.p.A." });
  await insertWorkers(db, buildWorkers(40, { officeId: modena, cigsCaseId: caseId }));
  for (const [fullName, email] of [
    ['De Luca Giovanna', 'giovanna.deluca@ricolloca.example'],
    ["D'Angelo Nicolò", 'nicolo.dangelo@ricolloca.example'],
  ]) {
    const res = await agents.admin.post('/api/v1/staff', { fullName, email, roles: [{ officeId: modena, role: 'consultant' }] });
    if (res.statusCode !== 201) throw new Error(`staff seed: ${res.statusCode} ${res.body}`);
  }
  const csv = toCsv([HEADERS_IT, ...Array.from({ length: 12 }, (_, i) => fixtureRow(fixtureWorker(i)))]);
  const upload = await agents.admin.request({
    method: 'POST',
    url: '/api/v1/imports/workers?fileName=elenco-cigs.csv',
    headers: { 'content-type': 'application/octet-stream' },
    payload: csv,
  });
  if (upload.statusCode !== 201) throw new Error(`import seed: ${upload.statusCode} ${upload.body}`);
  // Checked, so that applying it is possible too.
  const jobId = upload.json().id;
  await agents.admin.post(`/api/v1/imports/${jobId}/dry-run`, {});
  for (let i = 0; i < 100 && (await agents.admin.get(`/api/v1/imports/${jobId}`)).json().status === 'validating'; i++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  document = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
});
afterAll(() => t.close());

/** Table of each kind of id, by the path segment or field that names it. */
const RESOURCE_OF: Record<string, string> = {
  workers: 'workers',
  workerId: 'workers',
  workerIds: 'workers',
  eligibility: 'workers',
  staff: 'staff',
  actorId: 'staff',
  offices: 'offices',
  officeId: 'offices',
  officeIds: 'offices',
  currentOfficeId: 'offices',
  hours: 'offices',
  companies: 'companies',
  companyId: 'companies',
  'cigs-cases': 'cigs',
  caseId: 'cigs',
  cigsCaseId: 'cigs',
  programmes: 'programmes',
  programmeId: 'programmes',
  enrollments: 'enrollments',
  enrollmentId: 'enrollments',
  notifications: 'notifications',
  notificationId: 'notifications',
  imports: 'imports',
  callbacks: 'callbacks',
  templates: 'templates',
  templateId: 'templates',
  campaigns: 'campaigns',
  campaignId: 'campaigns',
  recipients: 'recipients',
  recipientId: 'recipients',
};

interface PoolEntry {
  id: string;
  parent?: string | null;
}

/** Reads the ids of the seeded (and fuzz-created) rows, in a stable order. */
async function loadPools(): Promise<Map<string, PoolEntry[]>> {
  const { db } = t.database;
  const pools = new Map<string, PoolEntry[]>();
  const put = (name: string, rows: PoolEntry[]) => pools.set(name, rows.filter((r) => !protectedIds.has(r.id)).slice(0, 200));
  put('workers', await db.selectFrom('workers').select('id').orderBy('last_name').orderBy('first_name').execute());
  put('staff', await db.selectFrom('staff_users').select('id').orderBy('email').execute());
  put('offices', await db.selectFrom('offices').select('id').orderBy('code').execute());
  put('companies', await db.selectFrom('companies').select('id').orderBy('name').execute());
  put('cigs', await db.selectFrom('cigs_cases').select(['id', 'company_id as parent']).orderBy('start_date').execute());
  put('programmes', await db.selectFrom('programmes').select('id').orderBy('code').execute());
  put('enrollments', await db.selectFrom('enrollments').select('id').orderBy('created_at').execute());
  put('notifications', await db.selectFrom('staff_notifications').select(['id', 'programme_id as parent']).orderBy('created_at').execute());
  put('imports', await db.selectFrom('import_jobs').select('id').orderBy('created_at').execute());
  put('callbacks', await db.selectFrom('callbacks').select('id').orderBy('created_at').execute());
  put('templates', await db.selectFrom('outreach_templates').select('id').orderBy('name').execute());
  put('campaigns', await db.selectFrom('outreach_campaigns').select('id').orderBy('created_at').execute());
  put('recipients', await db.selectFrom('outreach_recipients').select(['id', 'campaign_id as parent']).orderBy('worker_id').execute());
  return pools;
}

function idPools(pools: Map<string, PoolEntry[]>): IdPools & { entry(name: string, random: Random): PoolEntry } {
  const all = [...pools.values()].flat();
  const entry = (name: string, random: Random): PoolEntry => {
    const own = pools.get(RESOURCE_OF[name] ?? '') ?? [];
    const roll = random.next();
    if (roll < 0.7 && own.length > 0) return random.pick(own);
    if (roll < 0.85 && all.length > 0) return random.pick(all);
    return { id: random.uuid() };
  };
  return { entry, forName: (name, random) => entry(name, random).id };
}

/** A text with a NUL character or a lone surrogate put in it, somewhere. */
function spoil(text: string, random: Random): string {
  const at = random.int(0, text.length);
  return `${text.slice(0, at)}${random.pick(['\u0000', '\ud800', '\udfff', '\ud83d'])}${text.slice(at)}`;
}

/** One way to spoil each text of a JSON value (its strings and its keys), to pick from. */
function textSlots(value: unknown, random: Random): Array<() => void> {
  const slots: Array<() => void> = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) {
      node.forEach((item, i) => (typeof item === 'string' ? slots.push(() => (node[i] = spoil(item, random))) : walk(item)));
    } else if (node !== null && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      for (const [key, item] of Object.entries(record)) {
        if (typeof item === 'string') slots.push(() => (record[key] = spoil(item, random)));
        else walk(item);
        slots.push(() => {
          record[spoil(key, random)] = record[key];
          delete record[key];
        });
      }
    }
  };
  walk(value);
  return slots;
}

/** Percent-encoding that also carries a lone surrogate (as the bytes of its code unit, which are not UTF-8). */
function encode(text: string): string {
  let out = '';
  for (const ch of text.match(/[\uD800-\uDBFF][\uDC00-\uDFFF]|[\s\S]/g) ?? []) {
    const code = ch.charCodeAt(0);
    if (ch.length === 1 && code >= 0xd800 && code <= 0xdfff) {
      out += [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
        .map((b) => `%${b.toString(16).toUpperCase()}`)
        .join('');
    } else out += encodeURIComponent(ch);
  }
  return out;
}

const asQueryText = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.flatMap(asQueryText)
    : [value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value)];

const HOSTILE_PATH = ['%00', 'Rossi%00', '%ED%A0%80', '%E0%A4%A', '%', 'a'.repeat(201), '..', '%2F', 'De%20Luca', '0', '-1', ' ', 'null'];

function operationsOf(doc: JsonSchema): Operation[] {
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries<JsonSchema>(doc.paths)) {
    for (const [method, op] of Object.entries<JsonSchema>(methods)) {
      const content = op.requestBody?.content ?? {};
      operations.push({
        method: method.toUpperCase(),
        path,
        parameters: op.parameters ?? [],
        jsonBody: content['application/json']?.schema,
        rawBody: 'application/octet-stream' in content || path === '/api/v1/imports/workers',
        bodyRequired: op.requestBody?.required ?? false,
      });
    }
  }
  return operations;
}

async function uploadBody(random: Random): Promise<Buffer | string> {
  const rows = Array.from({ length: random.int(0, 8) }, (_, i) => fixtureRow(fixtureWorker(random.int(0, 500) + i)));
  for (const row of rows) if (random.chance(0.3)) row[random.int(0, row.length - 1)] = hostileText(random).slice(0, 5000);
  const header = random.chance(0.9) ? HEADERS_IT : HEADERS_IT.map(() => random.pick(SURNAMES));
  switch (random.int(0, 5)) {
    case 0:
      return toXlsx([header, ...rows]);
    case 1:
      return Buffer.from(Array.from({ length: random.int(0, 300) }, () => random.int(0, 255)));
    case 2:
      // A lone surrogate as its raw bytes, which no UTF-8 decoder accepts.
      return Buffer.concat([Buffer.from(toCsv([header, ...rows])), Buffer.from([0xed, 0xa0, 0x80, 0x3b, 0x00])]);
    default:
      return toCsv([header, ...rows], random.pick([';', ',', '\t']));
  }
}

async function buildRequest(op: Operation, random: Random, pools: ReturnType<typeof idPools>): Promise<InjectOptions> {
  const roll = random.next();
  const mode: Mode = roll < 0.5 ? 'valid' : roll < 0.62 ? 'boundary' : 'hostile';
  // Half of the valid requests carry one spoiled text (a NUL or a lone surrogate) and nothing
  // else wrong, so it travels past every other check to wherever the text goes.
  const spoiled = mode === 'valid' && random.chance(0.5);
  const ctx: GenerateContext = {
    random,
    pools,
    resolve: (schema) => (schema.$ref ? document.components.schemas[String(schema.$ref).split('/').pop()!] : schema),
  };
  const pathParams = op.parameters.filter((p) => p.in === 'path');
  const values = new Map<string, PoolEntry>();
  for (const p of pathParams) {
    const segments = op.path.split('/');
    const name = p.name === 'id' ? segments[segments.indexOf(`{${p.name}}`) - 1]! : p.name;
    if (mode === 'hostile' && random.chance(0.4)) values.set(p.name, { id: random.pick(HOSTILE_PATH) });
    else if (ctx.resolve(p.schema).format === 'uuid' || RESOURCE_OF[name]) values.set(p.name, pools.entry(name, random));
    else values.set(p.name, { id: encode(String(generate(p.schema, mode === 'hostile' ? 'valid' : mode, ctx, p.name))) });
  }
  // A child taken from the data (a CIGS case, a notice, a recipient) usually comes with its own parent.
  const [first, second] = pathParams;
  const child = second && values.get(second.name);
  if (first && child?.parent && random.chance(0.8)) values.set(first.name, { id: child.parent });

  const query: Array<[string, string]> = [];
  for (const p of op.parameters.filter((p) => p.in === 'query')) {
    if (!p.required && !random.chance(0.5)) continue;
    const value = generate(p.schema, mode, ctx, p.name);
    if (value === undefined) continue;
    for (const text of asQueryText(value)) query.push([p.name, text]);
  }
  if (mode === 'hostile' && random.chance(0.1)) query.push([random.pick(['isRoot', 'nome\u0000', 'x\ud800']), '1']);
  const body = op.jsonBody ? generate(op.jsonBody, mode, ctx, '') : undefined;

  if (spoiled) {
    const slots: Array<() => void> = textSlots(body, random);
    for (const pair of query) slots.push(() => (pair[1] = spoil(pair[1], random)));
    for (const p of pathParams) slots.push(() => values.set(p.name, { id: `${values.get(p.name)!.id}%00` }));
    if (slots.length > 0) random.pick(slots)();
  }
  let url = op.path.replace(/\{(\w+)\}/g, (_, name: string) => values.get(name)?.id ?? random.uuid());
  if (query.length) url += `?${query.map(([name, text]) => `${encode(name)}=${encode(text)}`).join('&')}`;

  const headers: Record<string, string> = {};
  if (random.chance(0.2)) headers['accept-language'] = 'en-GB,en;q=0.9';
  const request: InjectOptions = { method: op.method as InjectOptions['method'], url, headers };
  if (op.rawBody) {
    headers['content-type'] = random.chance(0.9) ? 'application/octet-stream' : random.pick(['text/csv', 'application/json']);
    request.payload = await uploadBody(random);
  } else if (op.jsonBody) {
    const shape = random.next();
    if (mode === 'hostile' && shape < 0.08) {
      headers['content-type'] = random.pick(['application/json', 'text/plain', 'application/xml', 'application/x-www-form-urlencoded']);
      request.payload = random.pick(['', '{', '{"a":', 'null', '[]', '"testo"', '12', 'nome=Rossi', '{"a":1}'.repeat(3)]);
    } else {
      headers['content-type'] = 'application/json';
      request.payload = JSON.stringify(body);
    }
  } else if (random.chance(0.05)) {
    headers['content-type'] = 'application/json';
    request.payload = random.pick(['{}', '']);
  }
  return request;
}

/** One line: a JSON body as sent, any other text (a CSV) quoted, a binary file by its size. */
function describeRequest(r: InjectOptions): string {
  if (r.payload === undefined) return `${r.method} ${r.url}`;
  const isJson = (r.headers as Record<string, string> | undefined)?.['content-type'] === 'application/json';
  const body = Buffer.isBuffer(r.payload) ? `<${r.payload.length} bytes>` : isJson ? String(r.payload) : JSON.stringify(String(r.payload));
  return `${r.method} ${r.url} ${JSON.stringify(r.headers)} ${body.slice(0, 600)}`;
}

/** What a client may get: 2xx/3xx, or a 4xx problem+json with a code. A 5xx, or a 4xx without a code, is a failure. */
function verdict(res: LightMyRequestResponse): string | undefined {
  if (res.statusCode >= 500) return 'a 5xx';
  if (res.statusCode < 400) return undefined;
  if (!String(res.headers['content-type'] ?? '').startsWith('application/problem+json')) return 'a 4xx that is not problem+json';
  try {
    const body = res.json();
    if (typeof body.code !== 'string' || typeof body.detail !== 'string' || body.detail === '') return 'a problem without code or detail';
  } catch {
    return 'a problem whose body is not JSON';
  }
  return undefined;
}

interface Planned {
  op: Operation;
  who: 'admin' | 'consultant' | 'anyone';
  request: InjectOptions;
}

async function plan(op: Operation, random: Random, pools: ReturnType<typeof idPools>): Promise<Planned> {
  const request = await buildRequest(op, random, pools);
  if (op.path !== '/api/v1/auth/sign-in') return { op, who: random.chance(0.25) ? 'consultant' : 'admin', request };
  // From addresses of their own, never as the fuzzing accounts: throttling must not lock them out.
  request.remoteAddress = `10.${random.int(0, 255)}.${random.int(0, 255)}.${random.int(1, 254)}`;
  if (random.chance(0.1)) {
    request.headers = { ...request.headers, 'content-type': 'application/json' };
    request.payload = JSON.stringify({ email: DEMO.frontoffice, password: DEMO_PASSWORD });
  }
  return { op, who: 'anyone', request };
}

const send = ({ who, request }: Planned) => (who === 'anyone' ? t.app.inject(request) : agents[who].request(request));

describe('schema-driven fuzzing of the whole API', () => {
  it(
    'answers every generated request with 2xx/3xx or a problem+json 4xx, never a 5xx',
    async () => {
      const random = createRandom(SEED);
      const operations = operationsOf(document).filter((op) => !op.path.startsWith('/api/docs'));
      const started = Date.now();
      const failures: Failure[] = [];
      const statuses = new Map<number, number>();
      const answeredWell = new Set<string>();
      const covered = new Set<string>();
      let requests = 0;
      let serverErrors = 0;
      let reSignIns = 0;
      let pools = idPools(await loadPools());
      let round = 0;
      while (Date.now() - started < SECONDS * 1000 && requests < MAX_REQUESTS) {
        if (round++ % 5 === 0) pools = idPools(await loadPools());
        const order = [...operations].sort(() => random.next() - 0.5);
        // Four requests at a time, as several operators' browsers send them; one group in ten is a
        // double (triple) click: the same request three times at once.
        for (let i = 0; i < order.length; i += 4) {
          if (Date.now() - started >= SECONDS * 1000 || requests >= MAX_REQUESTS) break;
          const group = random.chance(0.1) ? [order[i]!, order[i]!, order[i]!] : order.slice(i, i + 4);
          const planned: Planned[] = [];
          for (const op of group) {
            const same = planned.length > 0 && group[0] === group[1];
            planned.push(same ? planned[0]! : await plan(op, random, pools));
          }
          const answers = await Promise.all(planned.map(send));
          for (const [k, res] of answers.entries()) {
            const { op, who, request } = planned[k]!;
            const name = `${op.method} ${op.path}`;
            requests++;
            covered.add(name);
            statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
            if (res.statusCode >= 500) serverErrors++;
            if (res.statusCode < 300) answeredWell.add(name);
            const wrong = verdict(res);
            if (TRACE && op.path.includes(TRACE))
              console.log(`${describeRequest(request)}\n  → ${res.statusCode} ${res.body.slice(0, 1000)}`);
            if (wrong)
              failures.push({
                operation: `${name} as ${who}${group.length === 3 ? ' (three at once)' : ''}`,
                request: describeRequest(request),
                status: res.statusCode,
                answer: `${wrong}: ${res.body.slice(0, 400)}`,
              });
          }
          // A sign-out (or anything else that ended a session) does not end the run: sign in again.
          for (const who of ['admin', 'consultant'] as const) {
            const ended = planned.some(
              (p, k) => p.who === who && (p.op.path === '/api/v1/auth/sign-out' || answers[k]!.statusCode === 401),
            );
            if (ended && (await agents[who].get('/api/v1/auth/session')).statusCode === 401) {
              agents[who] = await signIn(t.app, who === 'admin' ? DEMO.admin : DEMO.consultant);
              reSignIns++;
            }
          }
        }
      }
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      const histogram = [...statuses.entries()].sort(([a], [b]) => a - b).map(([s, n]) => `${s}: ${n}`);
      console.log(
        [
          `API fuzz: seed ${SEED} (replay with FUZZ_SEED=${SEED} FUZZ_REQUESTS=${requests}), ${requests} requests in ${seconds} s`,
          `operations: ${covered.size} of ${operations.length} covered, ${answeredWell.size} answered 2xx at least once`,
          `statuses: ${histogram.join(', ')}`,
          `5xx: ${serverErrors}; answers that broke the contract: ${failures.length}; signed in again ${reSignIns} times`,
          `never 2xx: ${operations
            .map((o) => `${o.method} ${o.path}`)
            .filter((n) => !answeredWell.has(n))
            .join(', ')}`,
        ].join('\n'),
      );
      expect(covered.size).toBe(operations.length);
      // The 5xx first, then one example of each other kind of bad answer per operation.
      const seen = new Set<string>();
      const shown = [...failures]
        .sort((a, b) => b.status - a.status)
        .filter((f) => {
          const key = `${f.operation} ${f.status}`;
          return f.status >= 500 || (!seen.has(key) && seen.add(key));
        })
        .slice(0, 20)
        .map((f) => `${f.operation}\n  request: ${f.request}\n  answer: ${f.status} ${f.answer}`);
      expect(failures.length, `seed ${SEED}: ${failures.length} bad answers (${serverErrors} 5xx)\n${shown.join('\n')}`).toBe(0);
    },
    (SECONDS + 120) * 1000,
  );
});
