// The editor retries a failed write only when trying again can help: the router marks storage
// failures (a full disk, a worker stopping) transient, and a write to an item or roundup that
// is gone permanent — and the words it carried are then the editor's to keep.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../src/background/handlers';
import { createRouter, type SenderInfo } from '../../src/background/router';
import { createStores, openRoundupDb } from '../../src/store';
import { createWriteFaults, withWriteFaults } from '../../src/store/faults';
import { makePost } from './helpers/posts';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const fromEditor: SenderInfo = { id: ID, url: `chrome-extension://${ID}/popup.html` };
const fromPage: SenderInfo = { id: ID, url: 'https://x.com/home', tabId: 4 };
let n = 0;

async function setUp() {
  let now = 1_000;
  const faults = createWriteFaults(() => now);
  const store = createStores(withWriteFaults(await openRoundupDb(`retry-${++n}`), faults));
  const route = createRouter(createHandlers(store, () => {}), { extensionId: ID, extensionOrigin: `chrome-extension://${ID}/`, contentHosts: ['x.com'] });
  await route({ type: 'toggleClip', post: makePost(1) }, fromPage);
  const roundupId = (await store.currentRoundup()).id;
  return { route, store, faults, roundupId, later: (ms: number) => void (now += ms) };
}

describe('failed requests say whether sending them again can help', () => {
  it('a write while the disk is full is transient, and goes through once it is not', async () => {
    const { route, faults, roundupId, later, store } = await setUp();
    faults.failWritesFor(5_000);
    const edit = { type: 'setItemText', roundupId, postId: makePost(1).id, field: 'commentary', value: 'kept' };
    const failed = await route(edit, fromEditor);
    expect(failed).toMatchObject({ ok: false, transient: true });
    expect(failed.ok === false && failed.error).toMatch(/disk is full/);
    later(5_001);
    expect(await route(edit, fromEditor)).toMatchObject({ ok: true });
    expect((await store.currentRoundup()).items[0]!.commentary).toBe('kept');
  });

  it('a write to an item removed in another view is permanent', async () => {
    const { route, roundupId } = await setUp();
    await route({ type: 'removeItem', roundupId, postId: makePost(1).id }, fromEditor);
    const reply = await route({ type: 'setItemText', roundupId, postId: makePost(1).id, field: 'commentary', value: 'x' }, fromEditor);
    expect(reply).toEqual({ ok: false, error: expect.stringMatching(/holds no post/) });
  });

  it('a write to a deleted roundup, and a malformed request, are permanent', async () => {
    const { route, roundupId } = await setUp();
    await route({ type: 'deleteRoundup', roundupId }, fromEditor);
    expect(await route({ type: 'setRoundupText', roundupId, field: 'title', value: 'x' }, fromEditor)).not.toHaveProperty('transient');
    expect(await route({ type: 'setRoundupText', roundupId, field: 'nope', value: 'x' }, fromEditor)).not.toHaveProperty('transient');
  });
});
