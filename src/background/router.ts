// One router for every message: it checks who sent it, checks its shape, then calls the one
// handler for its type. Errors come back as values ({ ok: false, error }) with a clear text.
import { SENDERS, type MessageType, type Reply, type Request, type Response, type SenderKind } from '../messages';
import { isMessageType, parseRequest } from './parse-request';

/** What the router needs to know of a sender (a subset of runtime.MessageSender). */
export interface SenderInfo {
  id?: string;
  url?: string;
  tabId?: number;
}

export type Handlers = { [K in MessageType]: (request: Request<K>, sender: SenderInfo) => Promise<Response<K>> };

export interface RouterOptions {
  extensionId: string;
  /** The extension's own origin, e.g. `chrome-extension://<id>/`. */
  extensionOrigin: string;
  /** Host names whose pages run the content script. */
  contentHosts: readonly string[];
  /** And the origins (`https://host`) it runs on by the writer's leave: the Mastodon instances enabled now. */
  instanceOrigins?: () => Promise<readonly string[]>;
}

async function senderKind(sender: SenderInfo, options: RouterOptions): Promise<SenderKind | null> {
  if (sender.id !== options.extensionId || !sender.url) return null;
  if (sender.url.startsWith(options.extensionOrigin)) return 'extension';
  let url: URL;
  try {
    url = new URL(sender.url);
  } catch {
    return null; // Not a URL: not a sender we know.
  }
  if (url.protocol !== 'https:' || sender.tabId === undefined) return null;
  if (options.contentHosts.includes(url.hostname)) return 'content';
  if (options.instanceOrigins && (await options.instanceOrigins()).includes(url.origin)) return 'content';
  return null;
}

export function createRouter(handlers: Handlers, options: RouterOptions) {
  return async function route(message: unknown, sender: SenderInfo): Promise<Reply<MessageType>> {
    if (typeof message !== 'object' || message === null || Array.isArray(message)) {
      return { ok: false, error: 'A message must be an object with a "type".' };
    }
    const fields = message as Record<string, unknown>;
    const type = fields.type;
    if (!isMessageType(type)) return { ok: false, error: `Unknown message type ${JSON.stringify(type)}.` };
    const kind = await senderKind(sender, options);
    if (!kind || !SENDERS[type].includes(kind)) {
      return { ok: false, error: `"${type}" is not accepted from ${kind ?? 'an unknown sender'}.` };
    }
    const request = parseRequest(type, fields);
    if (!request.ok) return request;
    try {
      const handler = handlers[type] as (r: Request<MessageType>, s: SenderInfo) => Promise<Response<MessageType>>;
      return { ok: true, value: await handler(request.value, sender) };
    } catch (e) {
      const error = e instanceof Error ? e.message : String(e);
      // Gone for good (store/GoneError) or refused as malformed: sending it again cannot help.
      // Anything else (storage full or busy, a worker stopping) may pass on a later try.
      return (e as { permanent?: unknown } | null)?.permanent === true ? { ok: false, error } : { ok: false, error, transient: true };
    }
  };
}

export type Route = ReturnType<typeof createRouter>;

/** Handlers made on each call from what `make` gives (e.g. once the database is open). */
export function deferHandlers(make: () => Promise<Handlers>): Handlers {
  const entries = (Object.keys(SENDERS) as MessageType[]).map((type) => [
    type,
    async (request: unknown, sender: SenderInfo) =>
      ((await make())[type] as (r: unknown, s: SenderInfo) => Promise<unknown>)(request, sender),
  ]);
  return Object.fromEntries(entries) as Handlers;
}
