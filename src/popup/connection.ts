// The editor's line to the background: a Port. Edits posted on it reach the background even
// when the page closes right after posting, in the order they were typed. MV3 may stop the
// service worker, which disconnects the port: the editor connects again at once, so a worker
// is running before the next keystroke (a message sent while a stopped worker is still waking
// is lost if the page closes first), and requests still unanswered are sent again. Every
// editor request sets a value (a field's text, an item's position), so sending one twice does
// no harm.
import { browser, type Runtime } from '../platform';
import { EDITOR_PORT, type ChangeNotice, type MessageType, type Reply, type Request, type Response } from '../messages';

interface Pending {
  message: { requestId: number; type: MessageType } & Record<string, unknown>;
  resolve(value: unknown): void;
  reject(error: Error): void;
}

export interface Connection {
  request<T extends MessageType>(type: T, request: Request<T>): Promise<Response<T>>;
  /**
   * Calls `listener` whenever the background stored a change (from any view or a clip), and
   * after a reconnection, when notices may have been missed. Returns the unsubscribe.
   */
  onNotice(listener: (notice: ChangeNotice) => void): () => void;
}

/**
 * Opens the Port at once, or once `openAfter` settles: the editor passes its first read, so
 * waking a stopped worker does not compete with showing the roundup. A request made before
 * then opens it at once.
 */
export function connect(openAfter?: Promise<unknown>): Connection {
  let port: Runtime.Port | null = null;
  let nextId = 1;
  const pending = new Map<number, Pending>();
  const listeners = new Set<(notice: ChangeNotice) => void>();
  const tell = (notice: ChangeNotice) => listeners.forEach((listener) => listener(notice));

  function open(): Runtime.Port {
    if (port) return port;
    const p = browser.runtime.connect({ name: EDITOR_PORT });
    p.onMessage.addListener((message: unknown) => {
      if ((message as Partial<ChangeNotice>)?.notice === 'changed') return tell(message as ChangeNotice);
      const { requestId, reply } = message as { requestId?: number; reply?: Reply<MessageType> };
      const waiting = requestId === undefined ? undefined : pending.get(requestId);
      if (!waiting || !reply) return;
      pending.delete(requestId as number);
      if (reply.ok) waiting.resolve(reply.value);
      else waiting.reject(new Error(reply.error));
    });
    p.onDisconnect.addListener(() => {
      port = null;
      // The worker stopped: wake the next one now, and send it what was not answered.
      queueMicrotask(() => {
        open();
        resend();
        tell({ notice: 'changed' });
      });
    });
    port = p;
    return p;
  }

  function post(item: Pending) {
    try {
      open().postMessage(item.message);
    } catch (e) {
      port = null;
      try {
        open().postMessage(item.message);
      } catch {
        pending.delete(item.message.requestId);
        item.reject(new Error(`Roundup's background could not be reached: ${(e as Error).message}`));
      }
    }
  }

  function resend() {
    for (const item of pending.values()) post(item);
  }

  if (openAfter) void openAfter.finally(() => setTimeout(open, 0));
  else open();
  return {
    request<T extends MessageType>(type: T, request: Request<T>): Promise<Response<T>> {
      return new Promise<Response<T>>((resolve, reject) => {
        const requestId = nextId++;
        const item: Pending = {
          message: { ...request, type, requestId },
          resolve: resolve as (value: unknown) => void,
          reject,
        };
        pending.set(requestId, item);
        post(item);
      });
    },
    onNotice(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
