// The editor's Port to the background, on fake ports: what is sent, what is sent again after a
// drop, and how often it tries to connect when the background does not come up.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

interface FakePort {
  sent: unknown[];
  postMessage(message: unknown): void;
  onMessage: { addListener(l: (m: unknown) => void): void };
  onDisconnect: { addListener(l: () => void): void };
  /** The background answers. */
  reply(message: unknown): void;
  /** The worker stops, or fails to start. */
  drop(): void;
}

const ports: FakePort[] = [];
const connects: number[] = [];
let refuse = false;

function fakePort(): FakePort {
  const onMessage: Array<(m: unknown) => void> = [];
  const onDisconnect: Array<() => void> = [];
  return {
    sent: [],
    postMessage(message) {
      this.sent.push(structuredClone(message));
    },
    onMessage: { addListener: (l) => void onMessage.push(l) },
    onDisconnect: { addListener: (l) => void onDisconnect.push(l) },
    reply: (m) => onMessage.forEach((l) => l(m)),
    drop: () => onDisconnect.forEach((l) => l()),
  };
}

vi.mock('../../src/platform', () => ({
  browser: {
    runtime: {
      connect() {
        connects.push(Date.now());
        if (refuse) throw new Error('Extension context invalidated.');
        const port = fakePort();
        ports.push(port);
        return port;
      },
    },
  },
}));

const { connect, RequestError } = await import('../../src/popup/connection');

beforeEach(() => {
  vi.useFakeTimers();
  ports.length = 0;
  connects.length = 0;
  refuse = false;
});
afterEach(() => vi.useRealTimers());

describe('the editor connection', () => {
  it('names its page and each request, and sends an unanswered request again with the same names after a drop', async () => {
    const connection = connect(undefined, 'page-1');
    const created = connection.request('createRoundup', { title: '', roundupId: 'new-1' });
    const titled = connection.request('setRoundupText', { roundupId: 'r1', field: 'title', value: 'Hi' });
    const first = ports[0]!;
    expect(first.sent).toEqual([
      { type: 'createRoundup', title: '', roundupId: 'new-1', client: 'page-1', requestId: 1 },
      { type: 'setRoundupText', roundupId: 'r1', field: 'title', value: 'Hi', client: 'page-1', requestId: 2 },
    ]);
    first.reply({ requestId: 2, reply: { ok: true, value: { updatedAt: 'now' } } });
    await expect(titled).resolves.toEqual({ updatedAt: 'now' });

    first.drop(); // the worker stopped before answering the first
    await vi.advanceTimersByTimeAsync(0); // connects again at once
    const second = ports[1]!;
    expect(second.sent).toEqual([{ type: 'createRoundup', title: '', roundupId: 'new-1', client: 'page-1', requestId: 1 }]);
    second.reply({ requestId: 1, reply: { ok: true, value: { roundupId: 'new-1', count: 0 } } });
    await expect(created).resolves.toEqual({ roundupId: 'new-1', count: 0 });
  });

  it('gives each editor page its own name', () => {
    void connect().request('getSettings', {});
    void connect().request('getSettings', {});
    const [a, b] = ports.map((p) => (p.sent[0] as { client: string }).client);
    expect(a).toMatch(/^[0-9a-f-]{36}$/);
    expect(a).not.toBe(b);
  });

  it('rejects with the error and whether sending again may help', async () => {
    const connection = connect(undefined, 'page-1');
    const gone = connection.request('setItemText', { roundupId: 'r1', postId: 'p1', field: 'leadIn', value: 'x' });
    const busy = connection.request('setItemText', { roundupId: 'r1', postId: 'p2', field: 'leadIn', value: 'y' });
    ports[0]!.reply({ requestId: 1, reply: { ok: false, error: 'The roundup holds no post "p1".' } });
    ports[0]!.reply({ requestId: 2, reply: { ok: false, error: 'The database is busy.', transient: true } });
    await expect(gone).rejects.toMatchObject({ message: 'The roundup holds no post "p1".', transient: false });
    await expect(busy).rejects.toMatchObject({ message: 'The database is busy.', transient: true });
    await expect(gone).rejects.toBeInstanceOf(RequestError);
  });

  it('says a background that cannot be reached at all may come back', async () => {
    refuse = true;
    const connection = connect(undefined, 'page-1');
    await expect(connection.request('getSettings', {})).rejects.toMatchObject({ transient: true });
  });

  it('connects again at once the first time, then waits longer while connecting keeps failing, and starts over once answered', async () => {
    const connection = connect(undefined, 'page-1');
    void connection.request('setRoundupText', { roundupId: 'r1', field: 'intro', value: 'Kept' });
    // The background fails to start: each port drops as soon as it opens.
    const waits = async (n: number) => {
      const found: number[] = [];
      for (let i = 0; i < n; i++) {
        const droppedAt = Date.now();
        ports.at(-1)!.drop();
        await vi.advanceTimersToNextTimerAsync();
        found.push(connects.at(-1)! - droppedAt);
      }
      return found;
    };
    expect(await waits(9)).toEqual([0, 250, 500, 1000, 2000, 4000, 8000, 10_000, 10_000]);
    // Each new port carries the request still unanswered, with its names.
    const resent = { type: 'setRoundupText', roundupId: 'r1', field: 'intro', value: 'Kept', client: 'page-1', requestId: 1 };
    expect(ports.map((p) => p.sent)).toEqual(ports.map(() => [resent]));

    // A port that answers: the next drop is a stopped worker, woken at once again.
    ports.at(-1)!.reply({ requestId: 1, reply: { ok: true, value: { updatedAt: 'now' } } });
    expect(await waits(2)).toEqual([0, 250]);
  });

  it('wakes a worker stopped after a while at once, however often that happens', async () => {
    connect(undefined, 'page-1');
    const found: number[] = [];
    for (let i = 0; i < 4; i++) {
      await vi.advanceTimersByTimeAsync(30_000); // idle: MV3 stops the worker
      const droppedAt = Date.now();
      ports.at(-1)!.drop();
      await vi.advanceTimersToNextTimerAsync();
      found.push(connects.at(-1)! - droppedAt);
    }
    expect(found).toEqual([0, 0, 0, 0]);
  });
});
