// What the store throws when a request names something that is not there. Such a request can
// never succeed as it is, so the router answers it as permanent (not worth sending again).

/** A request that can never succeed as it is: sending it again would not help (see Reply.transient). */
export class GoneError extends Error {
  readonly permanent = true;
}

export class RoundupNotFoundError extends GoneError {
  constructor(id: string) {
    super(`There is no roundup with id "${id}" (it may have been deleted in another view).`);
  }
}

export class ItemNotFoundError extends GoneError {
  constructor(postId: string) {
    super(`The roundup holds no post "${postId}" (it may have been removed in another view).`);
  }
}

export class LanguageTagError extends GoneError {
  constructor(language: string) {
    super(`${JSON.stringify(language.slice(0, 100))} is not a language tag (BCP 47, such as "en", "de" or "pt-BR").`);
  }
}

/** Ends a readwrite transaction that found no roundup `id`, having changed nothing. */
export async function notFound(tx: { abort(): void; done: Promise<void> }, id: string): Promise<never> {
  tx.abort();
  await tx.done.catch(() => {});
  throw new RoundupNotFoundError(id);
}
