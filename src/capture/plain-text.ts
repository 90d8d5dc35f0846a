// Small text rules every reader of a network's answer or page shares: one place for each, so a
// name, an alt text or a date is cleaned the same way whichever network it came from.

const ISO_START = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const ISO_OUT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** At most `max` UTF-16 units, never splitting a surrogate pair. */
export function cut(s: string, max: number): string {
  if (s.length <= max) return s;
  const end = max > 0 && /[\ud800-\udbff]/.test(s[max - 1] ?? '') ? max - 1 : max;
  return s.slice(0, Math.max(0, end));
}

/**
 * One line of plain text: no control characters, runs of white space as one, at most `max`
 * characters. Bidirectional embeddings and overrides (U+202A–U+202E, U+2066–U+2069) go too:
 * left open in a name they would turn the words after it around wherever it is shown.
 */
export function oneLine(v: unknown, max: number): string {
  if (typeof v !== 'string') return '';
  const plain = v
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ')
    .replace(/[\u202a-\u202e\u2066-\u2069]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return cut(plain, max);
}

/** A date and time as the networks write them (ISO 8601), as `toISOString` gives it; undefined for anything else. */
export function isoTime(v: unknown): string | undefined {
  if (typeof v !== 'string' || !ISO_START.test(v)) return undefined;
  const ms = Date.parse(v);
  if (Number.isNaN(ms)) return undefined;
  const iso = new Date(ms).toISOString();
  return ISO_OUT.test(iso) ? iso : undefined;
}
