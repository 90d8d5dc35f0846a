// Messages from the background (and the popup) to this tab: clips or settings changed, select
// mode, the keyboard command, the context menu. Each answers with a Reply-shaped value; anything
// that is not one of these messages is left alone (another listener may want it).
import { browser } from '../platform';
import type { ContentMessageMap, ContentMessageType, ContentReply } from '../messages';

export type ContentHandlers = {
  [K in ContentMessageType]: (request: ContentMessageMap[K]['request']) => ContentMessageMap[K]['response'] | Promise<ContentMessageMap[K]['response']>;
};

const TYPES: readonly ContentMessageType[] = ['clipsChanged', 'settingsChanged', 'selectMode', 'clipFocused', 'clipPostById'];

export function listenToBackground(signal: AbortSignal, handlers: ContentHandlers): void {
  const listener = (message: unknown): Promise<ContentReply<ContentMessageType>> | undefined => {
    const type = (message as { type?: unknown } | null)?.type;
    if (typeof type !== 'string' || !(TYPES as readonly string[]).includes(type)) return undefined;
    const handler = handlers[type as ContentMessageType] as (r: unknown) => unknown;
    return Promise.resolve()
      .then(() => handler(message))
      .then(
        (value) => ({ ok: true, value }) as ContentReply<ContentMessageType>,
        (e: unknown) => ({ ok: false, error: e instanceof Error ? e.message : String(e) }),
      );
  };
  browser.runtime.onMessage.addListener(listener);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener));
}
