// What the store throws when a request names something that is not there. Such a request can
// never succeed as it is, so the router answers it as permanent (not worth sending again).
// Their messages reach the writer as they are: in the writer's language.
import { t } from '../platform/i18n';

/** A request that can never succeed as it is: sending it again would not help (see Reply.transient). */
export class GoneError extends Error {
  readonly permanent = true;
}

export class RoundupNotFoundError extends GoneError {
  constructor(id: string) {
    super(t('roundupNotFound', id));
  }
}

export class ItemNotFoundError extends GoneError {
  constructor(postId: string) {
    super(t('itemNotFound', postId));
  }
}

export class LanguageTagError extends GoneError {
  constructor(language: string) {
    super(t('notALanguageTag', JSON.stringify(language.slice(0, 100))));
  }
}

/** Ends a readwrite transaction that found no roundup `id`, having changed nothing. */
export async function notFound(tx: { abort(): void; done: Promise<void> }, id: string): Promise<never> {
  tx.abort();
  await tx.done.catch(() => {});
  throw new RoundupNotFoundError(id);
}
