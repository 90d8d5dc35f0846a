// The editor's line to the background: a Port. Edits posted on it reach the background even
// when the page closes right after posting, in the order they were typed. MV3 may stop the
// service worker, which disconnects the port: the editor connects again at once, so a worker
// is running before the next keystroke (a message sent while a stopped worker is still waking
// is lost if the page closes first), and requests still unanswered are sent again.
//
// Not every request sets a value (createRoundup, deleteRoundup), so a resent one keeps its
// `client` and `requestId`: the background answers a repeat from its memory of recent replies
// instead of doing it twice. A background that keeps failing to start is not hammered: after
// the first immediate try, reconnects wait 250 ms, doubling up to 10 s, until one works.
import { browser, type Runtime } from '../platform';
import { t } from '../platform/i18n';
import { EDITOR_PORT, type ChangeNotice, type MessageType, type PortRequest, type Reply, type Request, type Response } from '../messages';

const FIRST_BACKOFF_MS = 250;
const MAX_BACKOFF_MS = 10_000;
/** A port that lived this long worked: the worker was stopped, it did not fail to start. */
const WORKED_AFTER_MS = 1_000;

/**
 * A request the background answered with an error, or could not be sent. `transient`: it may
 * succeed if sent again later (storage busy, no background yet); otherwise it never will as it
 * is (the item or roundup is gone).
 */
export class RequestError extends Error {
  readonly transient: boolean;
  constructor(message: string, transient: boolean) {
    super(message);
    this.name = 'RequestError';
    this.transient = transient;
  }
}

interface Pending {
  message: PortRequest & { type: MessageType } & Record<string, unknown>;
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
 * then opens it at once. `client` names this editor page in every request.
 */
export function connect(openAfter?: Promise<unknown>, client: string = crypto.randomUUID()): Connection {
  let port: Runtime.Port | null = null;
  let reconnect: ReturnType<typeof setTimeout> | undefined;
  /** Reconnects in a row that did not work: sets the wait before the next. */
  let failures = 0;
  let dropped = false;
  let nextId = 1;
  const pending = new Map<number, Pending>();
  const listeners = new Set<(notice: ChangeNotice) => void>();
  const tell = (notice: ChangeNotice) => listeners.forEach((listener) => listener(notice));

  function reconnectLater() {
    if (reconnect !== undefined || port) return;
    const wait = failures === 0 ? 0 : Math.min(FIRST_BACKOFF_MS * 2 ** (failures - 1), MAX_BACKOFF_MS);
    failures++;
    reconnect = setTimeout(open, wait);
  }

  function open(): void {
    clearTimeout(reconnect);
    reconnect = undefined;
    if (port) return;
    let p: Runtime.Port;
    try {
      p = browser.runtime.connect({ name: EDITOR_PORT });
    } catch (e) {
      // No port at all (the extension was reloaded under this page): fail what waits, as
      // something that may pass, so the saver says so and keeps the words; try again later.
      const error = new RequestError(t('backgroundUnreachable', (e as Error).message), true);
      const waiting = [...pending.values()];
      pending.clear();
      waiting.forEach((item) => item.reject(error));
      reconnectLater();
      return;
    }
    const openedAt = Date.now();
    let answered = false;
    p.onMessage.addListener((message: unknown) => {
      answered = true;
      failures = 0;
      if ((message as Partial<ChangeNotice>)?.notice === 'changed') return tell(message as ChangeNotice);
      const { requestId, reply } = message as { requestId?: number; reply?: Reply<MessageType> };
      const waiting = requestId === undefined ? undefined : pending.get(requestId);
      if (!waiting || !reply) return;
      pending.delete(requestId as number);
      if (reply.ok) waiting.resolve(reply.value);
      else waiting.reject(new RequestError(reply.error, reply.transient === true));
    });
    p.onDisconnect.addListener(() => {
      if (port !== p) return;
      port = null;
      dropped = true;
      if (answered || Date.now() - openedAt >= WORKED_AFTER_MS) failures = 0;
      reconnectLater();
    });
    port = p;
    // Everything unanswered goes on the new port, with the ids it had.
    for (const item of pending.values()) send(p, item);
    if (dropped) {
      dropped = false;
      tell({ notice: 'changed' });
    }
  }

  function send(p: Runtime.Port, item: Pending) {
    try {
      p.postMessage(item.message);
    } catch {
      // The port is gone and its onDisconnect has not run yet: the request stays pending and
      // goes out on the next port.
      if (port === p) {
        port = null;
        dropped = true;
        reconnectLater();
      }
    }
  }

  if (openAfter) {
    void openAfter.finally(() =>
      setTimeout(() => {
        if (!port && reconnect === undefined) open();
      }, 0),
    );
  } else open();
  return {
    request<T extends MessageType>(type: T, request: Request<T>): Promise<Response<T>> {
      return new Promise<Response<T>>((resolve, reject) => {
        const requestId = nextId++;
        const item: Pending = {
          message: { ...request, type, client, requestId },
          resolve: resolve as (value: unknown) => void,
          reject,
        };
        pending.set(requestId, item);
        // A request is worth a try even while a reconnect waits: open now (open sends it).
        if (port) send(port, item);
        else open();
      });
    },
    onNotice(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
