// What this tab knows of the current roundup: which post ids it holds and how many. Filled
// once at start and kept true by the background's `clipsChanged` notices (sent to every x.com
// tab after any change), so a new post on the page needs no message to show its state.
import type { ClipSnapshot } from '../messages';

export type ClipListener = (changed: ReadonlySet<string>) => void;

export interface ClipBook {
  has(postId: string): boolean;
  count(): number;
  /** A whole snapshot; one older than the last applied (a late answer) is ignored. */
  apply(snapshot: ClipSnapshot): void;
  /** One post's new state, from the answer to this tab's own toggle. */
  set(postId: string, clipped: boolean, count: number): void;
  onChange(listener: ClipListener): void;
}

export function createClipBook(): ClipBook {
  let clipped = new Set<string>();
  let count = 0;
  let at = -Infinity;
  const listeners: ClipListener[] = [];
  const emit = (changed: Set<string>) => {
    for (const l of listeners) l(changed);
  };

  return {
    has: (postId) => clipped.has(postId),
    count: () => count,
    apply(snapshot) {
      if (snapshot.at < at) return;
      at = snapshot.at;
      const next = new Set(snapshot.clipped);
      const changed = new Set<string>();
      for (const id of next) if (!clipped.has(id)) changed.add(id);
      for (const id of clipped) if (!next.has(id)) changed.add(id);
      const countChanged = count !== snapshot.count;
      clipped = next;
      count = snapshot.count;
      if (changed.size || countChanged) emit(changed);
    },
    set(postId, isClipped, newCount) {
      const was = clipped.has(postId);
      if (isClipped) clipped.add(postId);
      else clipped.delete(postId);
      const countChanged = count !== newCount;
      count = newCount;
      if (was !== isClipped || countChanged) emit(new Set(was !== isClipped ? [postId] : []));
    },
    onChange(listener) {
      listeners.push(listener);
    },
  };
}

/** Whether `value` has the shape of a ClipSnapshot (it arrives as a message). */
export function isClipSnapshot(value: unknown): value is ClipSnapshot {
  const v = value as Partial<ClipSnapshot> | null;
  return (
    typeof v === 'object' && v !== null && typeof v.roundupId === 'string' && typeof v.count === 'number' &&
    typeof v.at === 'number' && Array.isArray(v.clipped) && v.clipped.every((id) => typeof id === 'string')
  );
}
