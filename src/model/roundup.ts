// A roundup: the draft of one post the user is writing around the posts they clipped.
import type { Post } from './post';
import { roundupLanguage } from './language';

export interface RoundupItem {
  postId: string;
  /** Written before the post. */
  leadIn: string;
  /** Written after the post. */
  commentary: string;
}

export interface Roundup {
  id: string;
  title: string;
  intro: string;
  closing: string;
  /** In the order the roundup post shows them. */
  items: RoundupItem[];
  createdAt: string;
  updatedAt: string;
  exportedAt?: string;
  /** Set when the user marks the roundup published: kept, listed apart from the drafts. */
  publishedAt?: string;
  /**
   * The posts as they were when the roundup was marked published: a later capture of a post
   * (edited on X, or read more fully) never changes what a published roundup shows.
   */
  publishedPosts?: Post[];
  /**
   * The language its exports' dates and fixed words follow, a canonical BCP 47 tag ("de",
   * "pt-BR"): the browser's when the roundup was made, then the writer's choice. Absent in a
   * roundup made before languages: those export in English and declare no language.
   */
  language?: string;
}

/** The roundup's own text fields, each stored on its own so two open editors never clobber each other. */
export type RoundupTextField = 'title' | 'intro' | 'closing';
export type ItemTextField = 'leadIn' | 'commentary';

export const ROUNDUP_TEXT_FIELDS: readonly RoundupTextField[] = ['title', 'intro', 'closing'];
export const ITEM_TEXT_FIELDS: readonly ItemTextField[] = ['leadIn', 'commentary'];

/**
 * A new, empty roundup. `language`: the browser's UI language as the caller read it (the model
 * asks no browser); one that is no language tag makes it English. Without it, the roundup has
 * none (and exports as one made before languages).
 */
export function newRoundup(id: string, now: string, language?: string): Roundup {
  const roundup: Roundup = { id, title: '', intro: '', closing: '', items: [], createdAt: now, updatedAt: now };
  if (language !== undefined) roundup.language = roundupLanguage(language);
  return roundup;
}

export function newItem(postId: string): RoundupItem {
  return { postId, leadIn: '', commentary: '' };
}

/** Moves the item at `from` to `to`, clamped to the list; returns a new array. */
export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  const next = items.slice();
  if (from < 0 || from >= next.length) return next;
  const target = Math.max(0, Math.min(next.length - 1, to));
  const [moved] = next.splice(from, 1);
  next.splice(target, 0, moved as T);
  return next;
}

/**
 * The posts a roundup shows: a published roundup shows each post as it was when published
 * (`publishedPosts`); anything else, and a post added after publishing, as stored now.
 */
export function postsAsShown(roundup: Pick<Roundup, 'publishedPosts'>, stored: readonly Post[]): Post[] {
  if (!roundup.publishedPosts?.length) return stored.slice();
  const frozen = new Map(roundup.publishedPosts.map((p) => [p.id, p]));
  return stored.map((p) => frozen.get(p.id) ?? p);
}
