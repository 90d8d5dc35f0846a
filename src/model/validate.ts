// A few small checkers for untrusted data: a backup file, a post sent by a page. Each takes
// the value and its path ("roundups[0].items[2].postId") and returns the value typed, or
// throws Invalid with the path in the message. Objects are rebuilt from their known keys
// only, so nothing the data adds (extra fields, `__proto__`) survives into the app.
// Pure: the model's schemas (post-schema.ts, roundup-schema.ts) are built from these.

export class Invalid extends Error {}

export type Check<T> = (value: unknown, path: string) => T;

export function fail(path: string, problem: string): never {
  throw new Invalid(`${path || 'value'} ${problem}`);
}

const join = (path: string, key: string): string => (path ? `${path}.${key}` : key);

function describe(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;
}

/** Whether `check` accepts `value` (for cleaning passes that drop what a check refuses). */
export function passes(check: Check<unknown>, value: unknown): boolean {
  try {
    check(value, '');
    return true;
  } catch (error) {
    if (error instanceof Invalid) return false;
    throw error;
  }
}

/**
 * A string of at most `max` characters. Control characters are allowed: clipped pages
 * carry them now and then, and every renderer strips them (a backup must re-import).
 */
export function text(max: number, pattern?: RegExp, patternName = 'not in the expected form'): Check<string> {
  return (value, path) => {
    if (typeof value !== 'string') return fail(path, `is not a string (got ${describe(value)})`);
    if (value.length > max) return fail(path, `is longer than ${max} characters`);
    if (pattern && !pattern.test(value)) return fail(path, patternName);
    return value;
  };
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

export const isoDate: Check<string> = (value, path) => {
  const s = text(40, ISO, 'is not an ISO 8601 date-time')(value, path);
  return Number.isNaN(Date.parse(s)) ? fail(path, 'is not a real date') : s;
};

export const MAX_URL = 4096;

// A DNS name (after IDNA, so ASCII), an IPv4 address, or a bracketed IPv6 address. The URL
// parser lets through hosts no site has (`https://"/`); a link to one is never worth keeping.
const HOST = /^(?:[a-z0-9_-]+\.)*[a-z0-9_-]+\.?$|^\[[0-9a-f:.]+\]$/i;

/**
 * The URL as the WHATWG parser normalises it, or null unless it is an absolute http(s) URL
 * to a real host, at most MAX_URL characters (the rule of export/escape.ts `safeUrl`).
 */
export function webUrl(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw === '') return null;
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  return HOST.test(url.hostname) && url.href.length <= MAX_URL ? url.href : null;
}

/** An absolute http(s) URL (as stored: the checker does not rewrite it). */
export const httpUrl: Check<string> = (value, path) => {
  const s = text(MAX_URL)(value, path);
  return webUrl(s) ? s : fail(path, 'is not an http(s) URL');
};

export const bool: Check<boolean> = (value, path) =>
  typeof value === 'boolean' ? value : fail(path, `is not true or false (got ${describe(value)})`);

/** A whole number, `min` or more. */
export function int(min: number): Check<number> {
  return (value, path) =>
    Number.isSafeInteger(value) && (value as number) >= min
      ? (value as number)
      : fail(path, `is not a whole number of ${min} or more (got ${typeof value === 'number' ? value : describe(value)})`);
}

export function oneOf<const T extends string | number>(values: readonly T[]): Check<T> {
  return (value, path) =>
    values.includes(value as T) ? (value as T) : fail(path, `is not one of ${values.map((v) => JSON.stringify(v)).join(', ')}`);
}

export function either<A, B>(a: Check<A>, b: Check<B>): Check<A | B> {
  return (value, path) => {
    try {
      return a(value, path);
    } catch (error) {
      if (!(error instanceof Invalid)) throw error;
      return b(value, path);
    }
  };
}

export function list<T>(item: Check<T>, max: number): Check<T[]> {
  return (value, path) => {
    if (!Array.isArray(value)) return fail(path, `is not an array (got ${describe(value)})`);
    if (value.length > max) return fail(path, `has more than ${max} entries`);
    return value.map((v, i) => item(v, `${path}[${i}]`));
  };
}

/** A list in which no two entries share `key`: two with one id would overwrite each other. */
export function distinct<T, K extends keyof T & string>(entries: Check<T[]>, key: K): Check<T[]> {
  return (value, path) => {
    const out = entries(value, path);
    const seen = new Map<unknown, number>();
    out.forEach((entry, i) => {
      const first = seen.get(entry[key]);
      if (first !== undefined) {
        fail(`${path}[${i}].${key}`, `repeats ${path}[${first}].${key} (${JSON.stringify(entry[key])})`);
      }
      seen.set(entry[key], i);
    });
    return out;
  };
}

/** The value `check` accepts, if `rule` also holds for it (a rule across fields). */
export function where<T>(check: Check<T>, rule: (value: T, path: string) => void): Check<T> {
  return (value, path) => {
    const out = check(value, path);
    rule(out, path);
    return out;
  };
}

/** One checker per key of T: the compiler then flags a model field the schema forgets. */
export type Shape<T> = { [K in keyof T]-?: Check<T[K]> };

/** An object checker that also tells its shape, so a cleaning pass can follow it (see `tidy`). */
export type ObjectCheck<T> = Check<T> & { readonly shape: Shape<T>; readonly optional: readonly (keyof T)[] };

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An object with exactly the shape's keys (those in `optional` may be absent). */
export function object<T>(shape: Shape<T>, optional: readonly (keyof T)[] = []): ObjectCheck<T> {
  const check: Check<T> = (value, path) => {
    if (!isRecord(value)) return fail(path, `is not an object (got ${describe(value)})`);
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) fail(join(path, key), 'is not allowed');
      if (!Object.hasOwn(shape, key)) fail(join(path, key), 'is not a known field');
    }
    const out: Partial<T> = {};
    for (const key of Object.keys(shape) as (keyof T & string)[]) {
      const present = Object.hasOwn(value, key);
      if (!present && optional.includes(key)) continue;
      if (!present) fail(join(path, key), 'is missing');
      out[key] = shape[key](value[key], join(path, key));
    }
    return out as T;
  };
  return Object.assign(check, { shape, optional });
}

/** Per key, how a cleaning pass mends a raw value before the check sees it. */
export type Mend<T> = { [K in keyof T]?: (value: unknown) => unknown };

/**
 * The lenient twin of `object`, for data from a page (or stored by an older version): copies
 * only the shape's keys, each mended by `mend` first; an optional field its check still
 * refuses (or that mends to undefined) is left out. Required fields are copied as they are,
 * for the strict check that follows to judge. Never throws; anything not an object is
 * returned as it is (the check names it).
 */
export function tidy<T>(check: ObjectCheck<T>, value: unknown, mend: Mend<T> = {}): unknown {
  if (!isRecord(value)) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(check.shape) as (keyof T & string)[]) {
    const optional = check.optional.includes(key);
    if (optional && !Object.hasOwn(value, key)) continue;
    const raw = Object.hasOwn(value, key) ? value[key] : undefined;
    const fix = mend[key];
    const mended = fix ? fix(raw) : raw;
    if (mended === undefined) continue;
    if (optional && !passes(check.shape[key], mended)) continue;
    out[key] = mended;
  }
  return out;
}
