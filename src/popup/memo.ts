// Skipping work a keystroke does not need. A 200-post roundup re-rendered every item and
// recounted every word on each key; these keep a render to what changed.
import { Component, h, type ComponentType } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';

/** Props equal one by one (`Object.is`): what `memo` compares by default. */
export function sameProps<P extends object>(a: P, b: P): boolean {
  const ka = Object.keys(a) as (keyof P)[];
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => Object.is(a[k], b[k]));
}

/**
 * The component, rendered again only when its props change (preact/compat's `memo` without
 * the compat layer, which would weigh more than the popup's budget allows). A context the
 * component reads still updates it.
 */
export function memo<P extends object>(Inner: ComponentType<P>, same: (a: P, b: P) => boolean = sameProps): ComponentType<P> {
  class Memo extends Component<P> {
    override shouldComponentUpdate(next: P): boolean {
      return !same(this.props as P, next);
    }
    override render() {
      return h(Inner as ComponentType<object>, this.props as object);
    }
  }
  return Memo as unknown as ComponentType<P>;
}

/** A function whose identity never changes, which always calls the latest `fn`: a memoised child keeps its props. */
export function useStable<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  const latest = useRef(fn);
  latest.current = fn;
  return useMemo(() => (...args: A) => latest.current(...args), []);
}

/**
 * `value` as the export follows it: a change after a quiet spell at once (an import, a move, the
 * first key), then, while changes keep coming (typing), only once they pause for `ms` — the
 * export renders once per burst and once after it, not on every key.
 */
export function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  /** When the last change was seen. */
  const lastChange = useRef(0);
  useEffect(() => {
    if (Object.is(value, settled)) return;
    const now = Date.now();
    const quiet = now - lastChange.current >= ms;
    lastChange.current = now;
    if (quiet) return void setSettled(value);
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]); // eslint-disable-line react-hooks/exhaustive-deps -- `settled` is what it sets
  return settled;
}
