import { FIRST_NAMES, SURNAMES, buildWorker } from '../factories/workers.js';

/**
 * A seeded generator of request values from the JSON Schemas of the OpenAPI document: valid
 * values (what a form would send, with Italian names and real codes), boundary values (the
 * shortest and longest strings, the smallest and largest numbers), and hostile ones (wrong
 * types, NUL characters and lone surrogates, overlong strings, huge numbers, unknown fields and
 * ids). The same seed gives the same sequence of choices.
 */

/** mulberry32: small, fast and good enough to pick test cases; not for secrets. */
export function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const random = {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    chance: (p: number) => next() < p,
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    uuid: () => {
      const hex = Array.from({ length: 32 }, () => Math.floor(next() * 16).toString(16)).join('');
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${'89ab'[Math.floor(next() * 4)]}${hex.slice(17, 20)}-${hex.slice(20)}`;
    },
  };
  return random;
}
export type Random = ReturnType<typeof createRandom>;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type JsonSchema = Record<string, any>;

export type Mode = 'valid' | 'boundary' | 'hostile';

/** A value where a text is expected that PostgreSQL or the audit's jsonb cannot take, or that is merely odd. */
export function hostileText(random: Random): string {
  const name = random.pick(SURNAMES);
  return random.pick([
    `${name}\u0000`,
    `\u0000`,
    `${name}\ud800`,
    `\udfff${name}`,
    `D'Angelo \ud83d`,
    'x'.repeat(random.pick([101, 201, 256, 1001, 5001, 20_000])),
    ' ',
    '',
    '\t\n',
    "'; drop table workers; --",
    '%00',
    '../../etc/passwd',
    '😀'.repeat(60),
    'ǅ\u0301\u200b\ufeff',
    '1e309',
    '-1',
    'null',
    '<script>alert(1)</script>',
  ]);
}

/** A value of another type than the schema's. */
function wrongType(random: Random): unknown {
  return random.pick([null, true, 0, -1, 1.5, 2 ** 53 + 1, 1e308, -1e308, 'testo', [], [1, 'a'], {}, { nested: { deeper: [null] } }]);
}

/** Realistic, acceptable values by field name, as a person would type them in the web app (the bad ones come from the hostile mode). */
function hinted(name: string, random: Random, pools: IdPools): unknown {
  const worker = buildWorker({}, random.int(0, 400));
  switch (name) {
    case 'firstName':
      return random.pick(FIRST_NAMES).name;
    case 'lastName':
      return random.pick(SURNAMES);
    case 'fullName':
    case 'name':
      return `${random.pick(SURNAMES)} ${random.pick(FIRST_NAMES).name}`;
    case 'q':
      return random.pick([random.pick(SURNAMES), random.pick(FIRST_NAMES).name, "d'angelo", 'De Luca G', 'barb', 'operatore', 'sald']);
    case 'codiceFiscale':
      // Another person's code does not match the worker's name: often none, as on many real records.
      return random.pick([null, null, worker.codiceFiscale]);
    case 'taxCode':
    case 'vatNumber':
      return random.pick(['01234567897', '00743110157', '03123456786']);
    case 'phone':
      return random.pick([worker.phone, '059 123 4567', '+39 340 123 4567', '3331234567']);
    case 'email':
    case 'pec':
      return `${random
        .pick(SURNAMES)
        .toLowerCase()
        .replace(/[^a-z]/g, '')}.${random.int(1, 99)}@posta.example`;
    case 'birthDate':
      return worker.birthDate;
    case 'birthPlaceCode':
      return worker.birthPlaceCode;
    case 'password':
    case 'currentPassword':
    case 'newPassword':
      return random.pick(['Centro-Impiego-2026!', 'Modena Carpi Sassuolo 41100']);
    case 'citizenship':
      return random.pick(['IT', 'IT', 'IT', 'RO', 'MA', 'AL', 'UA']);
    case 'postalCode':
      return random.pick(['41121', '41012', '41049', '41037', '40121', '']);
    case 'province':
      return random.pick(['MO', 'BO', 'RE']);
    case 'istatCode':
    case 'residenceComuneCode':
    case 'comuneCode':
    case 'from':
    case 'to':
      return random.pick(['036023', '036005', '036022', '036040', '037006', '999999']);
    default:
      if (/(Date|On|Before|After|At)$/.test(name) || name === 'date' || name === 'day') {
        const day = new Date(Date.UTC(2026, random.int(0, 23), random.int(1, 28)));
        return day.toISOString().slice(0, 10);
      }
      if (/Ids?$/.test(name) || name === 'id') return pools.forName(name, random);
      return undefined;
  }
}

/** Ids taken from the seeded data, by the name of the field or the path segment that holds them. */
export interface IdPools {
  forName(name: string, random: Random): string;
}

/** A string matching the simple regular expressions the schemas use (classes, groups, quantifiers, alternation). */
export function sampleRegex(pattern: string, random: Random): string {
  let i = 0;
  const source = pattern;
  const parseAlternation = (): string => {
    const branches: string[] = [];
    let current = '';
    const choose = () => {
      branches.push(current);
      current = '';
    };
    while (i < source.length && source[i] !== ')') {
      if (source[i] === '|') {
        i++;
        choose();
        continue;
      }
      current += parseQuantified();
    }
    branches.push(current);
    return random.pick(branches);
  };
  const parseAtom = (): (() => string) => {
    const c = source[i]!;
    if (c === '^' || c === '$') {
      i++;
      return () => '';
    }
    if (c === '(') {
      i++;
      if (source.startsWith('?:', i)) i += 2;
      const start = i;
      // Re-parse the group on every repetition so each copy makes its own choices.
      let depth = 1;
      while (i < source.length && depth > 0) {
        if (source[i] === '\\') i++;
        else if (source[i] === '(') depth++;
        else if (source[i] === ')') depth--;
        i++;
      }
      const inner = source.slice(start, i - 1);
      return () => sampleRegex(inner, random);
    }
    if (c === '[') {
      i++;
      const chars: string[] = [];
      while (i < source.length && source[i] !== ']') {
        let ch = source[i]!;
        if (ch === '\\') {
          i++;
          const esc = source[i]!;
          if (esc === 'd') {
            chars.push(...'0123456789');
            i++;
            continue;
          }
          ch = esc;
        }
        if (source[i + 1] === '-' && source[i + 2] !== ']' && source[i + 2] !== undefined) {
          const end = source[i + 2] === '\\' ? source[i + 3]! : source[i + 2]!;
          for (let code = ch.charCodeAt(0); code <= end.charCodeAt(0); code++) chars.push(String.fromCharCode(code));
          i += source[i + 2] === '\\' ? 4 : 3;
          continue;
        }
        chars.push(ch);
        i++;
      }
      i++;
      return () => random.pick(chars);
    }
    if (c === '\\') {
      const esc = source[i + 1]!;
      i += 2;
      if (esc === 'd') return () => String(random.int(0, 9));
      return () => esc;
    }
    i++;
    return () => (c === '.' ? 'a' : c);
  };
  const parseQuantified = (): string => {
    const atom = parseAtom();
    let min = 1;
    let max = 1;
    const q = source[i];
    if (q === '?') [min, max, i] = [0, 1, i + 1];
    else if (q === '*') [min, max, i] = [0, 4, i + 1];
    else if (q === '+') [min, max, i] = [1, 4, i + 1];
    else if (q === '{') {
      const close = source.indexOf('}', i);
      const [a, b] = source.slice(i + 1, close).split(',');
      min = Number(a);
      max = b === undefined ? min : b === '' ? min + 4 : Number(b);
      i = close + 1;
    }
    const count = random.int(min, max);
    let out = '';
    for (let n = 0; n < count; n++) out += atom();
    return out;
  };
  const result = parseAlternation();
  return result;
}

const isNullable = (schema: JsonSchema) => schema.type === 'null' || (Array.isArray(schema.type) && schema.type.includes('null'));

export interface GenerateContext {
  random: Random;
  pools: IdPools;
  resolve(schema: JsonSchema): JsonSchema;
}

/** A value for `schema` in the given mode; `name` is the field's name (for realistic values and ids). */
export function generate(schema: JsonSchema, mode: Mode, ctx: GenerateContext, name = '', depth = 0): unknown {
  const { random } = ctx;
  const s = ctx.resolve(schema);
  if (mode === 'hostile' && random.chance(depth === 0 ? 0.5 : 0.25)) {
    return random.chance(0.6) && s.type !== 'object' ? hostileText(random) : wrongType(random);
  }
  const inner: Mode = mode === 'hostile' ? 'hostile' : mode;
  if (s.anyOf) {
    const options = (s.anyOf as JsonSchema[]).map(ctx.resolve);
    const nonNull = options.filter((o) => !isNullable(o) || o.type !== 'null');
    if (nonNull.length < options.length && random.chance(0.2)) return null;
    return generate(random.pick(nonNull.length ? nonNull : options), inner, ctx, name, depth);
  }
  if ('const' in s) return s.const;
  if (s.enum) return random.pick(s.enum as unknown[]);
  const type = Array.isArray(s.type) ? random.pick((s.type as string[]).filter((t) => t !== 'null')) : s.type;
  if (type === undefined && Object.keys(s).length === 0) {
    // A Zod transform the document cannot describe (codice fiscale, phone): a realistic text.
    return hinted(name, random, ctx.pools) ?? `${random.pick(SURNAMES)}`;
  }
  switch (type) {
    case 'string':
      return stringFor(s, mode, ctx, name);
    case 'integer':
    case 'number': {
      const min = typeof s.minimum === 'number' ? s.minimum : typeof s.exclusiveMinimum === 'number' ? s.exclusiveMinimum + 1 : 0;
      const max = typeof s.maximum === 'number' ? s.maximum : Math.max(min + 1000, 1000);
      if (mode === 'boundary') return random.pick([min, max, min + 1, max - 1].filter((n) => n >= min && n <= max));
      if (mode === 'hostile' && random.chance(0.5)) return random.pick([min - 1, max + 1, 2 ** 31, 2 ** 53 + 7, 1e308, -1e308, 0.5, -0]);
      const value = random.int(min, Math.min(max, min + 500));
      return type === 'integer' ? value : value + (random.chance(0.3) ? 0.25 : 0);
    }
    case 'boolean':
      return random.chance(0.5);
    case 'null':
      return null;
    case 'array': {
      const minItems = s.minItems ?? 0;
      const maxItems = s.maxItems ?? 5;
      let count = mode === 'boundary' ? random.pick([minItems, maxItems]) : random.int(minItems, Math.min(maxItems, minItems + 3));
      if (mode === 'hostile' && random.chance(0.2)) count = random.pick([maxItems + 1, 200]);
      const items = s.items ?? {};
      const singular = name.endsWith('Ids') ? name.slice(0, -1) : name.replace(/s$/, '');
      return Array.from({ length: Math.min(count, 300) }, () => generate(items, inner, ctx, singular, depth + 1));
    }
    case 'object':
    default:
      return objectFor(s, mode, ctx, depth);
  }
}

function stringFor(s: JsonSchema, mode: Mode, ctx: GenerateContext, name: string): string {
  const { random } = ctx;
  const minLength = s.minLength ?? 0;
  const maxLength = s.maxLength ?? 200;
  if (mode === 'hostile' && random.chance(0.6)) {
    return random.pick([hostileText(random), 'x'.repeat(maxLength + 1), random.uuid(), '', '0'.repeat(40)]);
  }
  if (s.format === 'uuid') return ctx.pools.forName(name || 'id', random);
  if (s.format === 'email') return hinted('email', random, ctx.pools) as string;
  if (s.format === 'date-time') return new Date(Date.UTC(2026, random.int(0, 23), random.int(1, 28), random.int(0, 23))).toISOString();
  if (mode === 'boundary' && !s.pattern) {
    const length = random.pick([minLength, maxLength, Math.max(minLength, 1)]);
    return random.pick(['a', 'à', 'Z', '9', ' ']).repeat(length);
  }
  const hint = hinted(name, random, ctx.pools);
  if (typeof hint === 'string' && random.chance(mode === 'valid' ? 0.95 : 0.5)) return hint;
  if (s.pattern) return sampleRegex(s.pattern, random);
  const text = `${random.pick(SURNAMES)} ${random.pick(FIRST_NAMES).name}`;
  return text.length < minLength ? text.padEnd(minLength, 'a') : text.slice(0, maxLength);
}

function objectFor(s: JsonSchema, mode: Mode, ctx: GenerateContext, depth: number): Record<string, unknown> {
  const { random } = ctx;
  const out: Record<string, unknown> = {};
  const properties: Record<string, JsonSchema> = s.properties ?? {};
  const required = new Set<string>(s.required ?? []);
  // Some objects carry few optional fields (a one-field update), others most of them.
  const density = random.pick([0.15, 0.6]);
  for (const [key, property] of Object.entries(properties)) {
    const include = required.has(key)
      ? mode !== 'hostile' || random.chance(0.9)
      : mode === 'boundary'
        ? random.chance(0.5)
        : random.chance(density);
    if (!include) continue;
    // In hostile mode most fields stay valid, so the bad one travels past the others' checks.
    const fieldMode: Mode = mode === 'hostile' ? (random.chance(0.3) ? 'hostile' : 'valid') : mode;
    const value = generate(property, fieldMode, ctx, key, depth + 1);
    if (value !== undefined) out[key] = value;
  }
  if (mode === 'hostile' && random.chance(0.15)) out[random.pick(['isRoot', 'id', '__proto__x', 'office\u0000', 'nome\ud800'])] = 'x';
  if (s.additionalProperties && typeof s.additionalProperties === 'object' && random.chance(0.5)) {
    out[random.pick(SURNAMES)] = generate(s.additionalProperties, mode, ctx, '', depth + 1);
  }
  return out;
}
