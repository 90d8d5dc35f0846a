// The clip → write → close → reopen scenario, written once and run by each browser's test file.
// Tests in a describe share one browser and run in order: each starts from where the last left off.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { HOME_FIXTURE, startXServer, type Driver, type Field, type XServer } from './driver.js';

// Three posts visible on the saved home timeline (its saved CSS hides the reposts), clip order.
export const POSTS = [
  { id: '1991586882858172684', handle: 'cmsholdings' },
  { id: '1991607597108195581', handle: 'hasufl' },
  { id: '1991602648081133744', handle: 'solidintel_x' },
] as const;

// Distinct words per field, with punctuation and non-ASCII, so a mix-up or a lost tail shows.
const WORDS: Array<[Field, string]> = [
  [{ name: 'Title' }, 'Crypto week, in three posts'],
  [{ name: 'Introduction' }, 'I have been reading post after post — here are three.'],
  ...POSTS.map((p, i): [Field, string] => [{ item: i, name: 'Commentary' }, `Take ${i + 1} on @${p.handle}: worth a read, ünïcode too.`]),
];

const poll = { timeout: 10_000, interval: 200 };
const label = ({ name, item }: Field) => (item === undefined ? `"${name}"` : `"${name}" of item ${item + 1}`);

export function clipNoteReopen(launch: (xPort: number) => Promise<Driver>): { driver(): Driver } {
  let server: XServer | undefined;
  let d: Driver | undefined;
  const driver = (): Driver => {
    if (!d) throw new Error('the browser did not start');
    return d;
  };

  beforeAll(async () => {
    server = await startXServer({ '/home': HOME_FIXTURE });
    d = await launch(server.port);
    await d.openX('/home');
  });
  afterAll(async () => {
    await d?.quit();
    await server?.close();
  });

  test('pressing "Clip post" on three posts marks each pressed and lists them in clip order', async () => {
    for (const { id } of POSTS) {
      await driver().clickClip(id);
      await expect.poll(() => driver().clipPressed(id), { ...poll, message: `aria-pressed of "Clip post" in ${id}` }).toBe('true');
    }
    await driver().openEditor();
    await expect.poll(async () => (await driver().itemTexts()).length, poll).toBe(3);
    const texts = await driver().itemTexts();
    POSTS.forEach(({ handle }, i) => expect(texts[i], `item ${i + 1}`).toContain(`@${handle}`));
  });

  test('every word typed in the editor survives closing it right after the last keystroke', async () => {
    await driver().openEditor();
    for (const [field, text] of WORDS) await driver().type(field, text);
    await driver().closeEditor(); // no wait: the last keystroke's save must already be on its way

    await driver().openEditor();
    for (const [field, text] of WORDS) await expect.poll(() => driver().value(field), { ...poll, message: label(field) }).toBe(text);

    // Once more with a top-level field typed last, since it may be saved by another path.
    await driver().type({ name: 'Title' }, '!');
    await driver().closeEditor();
    await driver().openEditor();
    await expect.poll(() => driver().value({ name: 'Title' }), { ...poll, message: '"Title" typed last' }).toBe(`${WORDS[0]![1]}!`);
  });

  test('pressing "Clip post" again takes the post out of the editor, keeps its words, and the page offers "Undo"', async () => {
    const [first, second, third] = POSTS;
    await driver().clickClip(second.id);
    await expect.poll(() => driver().clipPressed(second.id), { ...poll, message: 'the unclipped post' }).toBe('false');
    await expect.poll(() => driver().clipPressed(first.id), { ...poll, message: 'a post still clipped' }).toBe('true');

    await driver().openEditor();
    await expect.poll(async () => (await driver().itemTexts()).length, poll).toBe(2);
    const texts = await driver().itemTexts();
    expect(texts[0]).toContain(`@${first.handle}`);
    expect(texts[1]).toContain(`@${third.handle}`);
    // The remaining items keep their own commentary.
    await expect.poll(() => driver().value({ item: 1, name: 'Commentary' }), { ...poll, message: 'commentary of the item now 2nd' })
      .toBe(WORDS[4]![1]);

    // "Undo" on the page: the item is back in the open editor, in its place, with its words.
    await driver().pressOnX('Undo');
    await expect.poll(() => driver().clipPressed(second.id), { ...poll, message: 'the post after "Undo"' }).toBe('true');
    await expect.poll(async () => (await driver().itemTexts()).length, { ...poll, message: 'items after "Undo"' }).toBe(3);
    expect((await driver().itemTexts())[1]).toContain(`@${second.handle}`);
    await expect.poll(() => driver().value({ item: 1, name: 'Commentary' }), { ...poll, message: 'the words put back by "Undo"' })
      .toBe(WORDS[3]![1]);
    await driver().closeEditor();
  });

  test('unclipped again, its words wait in the Trash: "Restore" puts them back, in place, after the editor was closed', async () => {
    const [, second] = POSTS;
    await driver().clickClip(second.id);
    await expect.poll(() => driver().clipPressed(second.id), { ...poll, message: 'the unclipped post' }).toBe('false');
    await driver().openEditor();
    await expect.poll(async () => (await driver().itemTexts()).length, poll).toBe(2);
    await driver().closeEditor();

    await driver().openEditor();
    await driver().pressInEditor('Trash');
    await expect.poll(() => driver().listTexts('Trash'), { ...poll, message: 'the Trash' })
      .toEqual([expect.stringContaining(`@${second.handle}`)]);
    await driver().pressInEditor('Restore', { list: 'Trash', item: 0 });
    await expect.poll(() => driver().listTexts('Trash'), { ...poll, message: 'the Trash after "Restore"' }).toEqual([]);
    await driver().pressInEditor('Trash'); // back to the roundup
    await expect.poll(async () => (await driver().itemTexts()).length, poll).toBe(3);
    expect((await driver().itemTexts())[1]).toContain(`@${second.handle}`);
    await expect.poll(() => driver().value({ item: 1, name: 'Commentary' }), { ...poll, message: 'the words restored from the Trash' })
      .toBe(WORDS[3]![1]);
    await expect.poll(() => driver().clipPressed(second.id), { ...poll, message: 'the restored post on the page' }).toBe('true');
    await driver().closeEditor();
  });

  return { driver };
}
