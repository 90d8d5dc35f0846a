// A few small checkers for untrusted JSON (the backup file). Each takes the value and its
// path ("roundups[0].items[2].postId") and returns the value typed, or throws Invalid with
// the path in the message. Objects are rebuilt from their known keys only, so nothing the
// file adds (extra fields, `__proto__`) survives into the app.
import { safeUrl } from './escape';

export class Invalid extends Error {}

export type Check<T> = (value: unknown, path: string) => T;

export function fail(path: string, problem: string): never {
  throw new Invalid(`${path || 'backup'} ${problem}`);
}

const join = (path: string, key: string): string => (path ? `${path}.${key}` : key);

function describe(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;
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

/** An absolute http(s) URL (as stored: the checker does not rewrite it). */
export const httpUrl: Check<string> = (value, path) => {
  const s = text(4096)(value, path);
  return safeUrl(s) ? s : fail(path, 'is not an http(s) URL');
};

export const bool: Check<boolean> = (value, path) =>
  typeof value === 'boolean' ? value : fail(path, `is not true or false (got ${describe(value)})`);

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

/** One checker per key of T: the compiler then flags a model field the backup forgets. */
export type Shape<T> = { [K in keyof T]-?: Check<T[K]> };

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** An object with exactly the shape's keys (those in `optional` may be absent). */
export function object<T>(shape: Shape<T>, optional: readonly (keyof T)[] = []): Check<T> {
  return (value, path) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return fail(path, `is not an object (got ${describe(value)})`);
    }
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) fail(join(path, key), 'is not allowed');
      if (!Object.hasOwn(shape, key)) fail(join(path, key), 'is not a known field');
    }
    const out: Partial<T> = {};
    for (const key of Object.keys(shape) as (keyof T & string)[]) {
      const present = Object.hasOwn(value, key);
      if (!present && optional.includes(key)) continue;
      if (!present) fail(join(path, key), 'is missing');
      out[key] = shape[key]((value as Record<string, unknown>)[key], join(path, key));
    }
    return out as T;
  };
}
