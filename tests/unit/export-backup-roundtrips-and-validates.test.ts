// The JSON backup: what renderBackup writes, parseBackup reads back unchanged; anything
// else is refused with a message that names the field at fault.
import { describe, expect, it } from 'vitest';
import { renderBackup, renderExport, type BackupData } from '../../src/export';
import { parseBackup } from '../../src/export/backup-import';
import { MAX_BACKUP_CHARS } from '../../src/export/backup';
import { itemTrashId, roundupTrashId, type TrashEntry } from '../../src/model/trash';
import { input, PLAIN_POST, RICH_POST, SMALL_ROUNDUP } from '../golden/export-fixtures';
import { HOSTILE_TEXT, TEXT_FIELDS, hostileInput } from '../golden/export-hostile';

const TRASH: TrashEntry[] = [
  {
    id: itemTrashId('r1', 'x:1991000000000000009'), kind: 'item', roundupId: 'r1', roundupTitle: SMALL_ROUNDUP.title,
    item: { postId: 'x:1991000000000000009', leadIn: '', commentary: 'Removed, words and all' },
    index: 1, after: RICH_POST.id, deletedAt: '2025-11-22T09:00:00.000Z',
  },
  {
    id: roundupTrashId('r3'), kind: 'roundup', deletedAt: '2025-11-22T10:00:00.000Z',
    roundup: { ...SMALL_ROUNDUP, id: 'r3', title: 'Deleted', publishedAt: '2025-11-22T08:00:00.000Z', publishedPosts: [PLAIN_POST] },
  },
];

const DATA: BackupData = {
  exportedAt: '2025-11-23T12:00:00.000Z',
  roundups: [SMALL_ROUNDUP, { ...SMALL_ROUNDUP, id: 'r2', exportedAt: '2025-11-23T12:00:00Z', publishedAt: '2025-11-23T11:00:00Z', publishedPosts: [RICH_POST] }],
  posts: [RICH_POST, PLAIN_POST],
  trash: TRASH,
  settings: input().settings,
};

/** The backup file as a plain object, changed by `edit`, then parsed. */
function parseEdited(edit: (file: any) => void): ReturnType<typeof parseBackup> {
  const file = JSON.parse(renderBackup(DATA));
  edit(file);
  return parseBackup(JSON.stringify(file));
}

const errorOf = (edit: (file: any) => void): string => {
  const result = parseEdited(edit);
  return result.ok ? 'ok' : result.error;
};

describe('JSON backup', () => {
  it('reads back exactly what it wrote', () => {
    expect(parseBackup(renderBackup(DATA))).toEqual({ ok: true, data: DATA });
  });

  it('exports one roundup with only the posts it uses, in item order', () => {
    const other = { ...PLAIN_POST, id: 'x:7' };
    const result = parseBackup(renderExport('json', { ...input(undefined, {}, [PLAIN_POST, other, RICH_POST]), exportedAt: '2025-11-23T12:00:00.000Z' }));
    expect(result.ok && result.data.posts.map((p) => p.id)).toEqual([RICH_POST.id, PLAIN_POST.id]);
    expect(result.ok && result.data.exportedAt).toBe('2025-11-23T12:00:00.000Z');
  });

  it.each(TEXT_FIELDS)('round-trips every hostile string in %s', (field) => {
    for (const hostile of HOSTILE_TEXT) {
      const exported = hostileInput(field, hostile);
      const result = parseBackup(renderExport('json', exported));
      if (field === 'handle' || field === 'instance') {
        // `A … Z` has spaces: never a handle or a host, so the backup names it instead of importing it.
        const path = field === 'handle' ? 'author\\.handle' : 'instance';
        expect(result).toMatchObject({ ok: false, error: expect.stringMatching(new RegExp(`^posts\\[0\\]\\.${path} is (not a|longer)`)) });
        continue;
      }
      expect(result.ok, `${field} = ${JSON.stringify(hostile.slice(0, 40))}: ${result.ok || result.error}`).toBe(true);
      if (result.ok) expect(result.data.posts[0]).toEqual(exported.posts['x:100']);
    }
  });

  it.each<[string, (file: any) => void, string]>([
    ['a post id that is not a string', (f) => (f.roundups[0].items[1].postId = 7), 'roundups[0].items[1].postId is not a string (got a number)'],
    ['a malformed post id', (f) => (f.posts[1].id = 'x:abc'), 'posts[1].id is not a post id like "x:1234567890"'],
    ['a missing field', (f) => delete f.roundups[1].title, 'roundups[1].title is missing'],
    ['an unknown field', (f) => (f.posts[0].author.evil = 1), 'posts[0].author.evil is not a known field'],
    ['a javascript: URL', (f) => (f.posts[0].media[0].url = 'javascript:alert(1)'), 'posts[0].media[0].url is not an http(s) URL'],
    ['a protocol-relative segment link', (f) => (f.posts[0].segments[1].href = '//evil.example'), 'posts[0].segments[1].href is not an http(s) URL'],
    ['an unknown segment kind', (f) => (f.posts[0].segments[0].kind = 'html'), 'posts[0].segments[0].kind is not one of "text", "link", "mention", "hashtag", "emoji"'],
    ['a link card that is no object', (f) => (f.posts[0].card = 'https://t.co/a'), 'posts[0].card is not an object (got a string)'],
    ['a link card without its link', (f) => (f.posts[0].card = { title: 'T' }), 'posts[0].card.url is missing'],
    ['a javascript: link card', (f) => (f.posts[0].card = { url: 'javascript:alert(1)', title: 'T' }), 'posts[0].card.url is not an http(s) URL'],
    ['a link card picture that is no web address', (f) => (f.posts[0].quoted.card = { url: 'https://t.co/a', image: { url: 'data:image/png;base64,AA' } }), 'posts[0].quoted.card.image.url is not an http(s) URL'],
    ['an unknown link card field', (f) => (f.posts[1].card = { url: 'https://t.co/a', onclick: 'alert(1)' }), 'posts[1].card.onclick is not a known field'],
    ['a link card title that is no string', (f) => (f.posts[0].card = { url: 'https://t.co/a', title: ['<b>'] }), 'posts[0].card.title is not a string (got an array)'],
    ['an over-long link card domain', (f) => (f.posts[0].card = { url: 'https://t.co/a', domain: 'x'.repeat(100_001) }), 'posts[0].card.domain is longer than 100000 characters'],
    ['an unknown thread position', (f) => (f.posts[0].thread = 'top'), 'posts[0].thread is not one of "first", "middle", "last"'],
    ['a quote inside a quote', (f) => (f.posts[0].quoted.quoted = f.posts[1]), 'posts[0].quoted.quoted is a quote inside a quote'],
    ['a date that is not ISO 8601', (f) => (f.posts[0].createdAt = 'yesterday'), 'posts[0].createdAt is not an ISO 8601 date-time'],
    ['an impossible date', (f) => (f.roundups[0].createdAt = '2025-13-45T99:99:00Z'), 'roundups[0].createdAt is not a real date'],
    ['a wrong type for a setting', (f) => (f.settings.includeEmbedScript = 'yes'), 'settings.includeEmbedScript is not true or false (got a string)'],
    ['an unknown theme', (f) => (f.settings.theme = 'neon'), 'settings.theme is not one of "light", "dark"'],
    ['an over-long name', (f) => (f.posts[1].author.name = 'x'.repeat(100_001)), 'posts[1].author.name is longer than 100000 characters'],
    ['items that are not an array', (f) => (f.roundups[0].items = {}), 'roundups[0].items is not an array (got a object)'],
    ['a null roundup', (f) => (f.roundups[0] = null), 'roundups[0] is not an object (got null)'],
    ['two posts with one id', (f) => (f.posts[1].id = f.posts[0].id), 'posts[1].id repeats posts[0].id ("x:1991586882858172684")'],
    ['two roundups with one id', (f) => (f.roundups[1].id = 'r1'), 'roundups[1].id repeats roundups[0].id ("r1")'],
    ['a newer schema version', (f) => (f.schemaVersion = 3), 'schemaVersion 3 is not supported (this version reads 1 and 2)'],
    ['a roundup holding one post twice', (f) => f.roundups[1].items.push({ ...f.roundups[1].items[0], commentary: 'again' }),
      `roundups[1].items[2].postId repeats roundups[1].items[0].postId ("${RICH_POST.id}")`],
    ['a published post that is no post', (f) => (f.roundups[1].publishedPosts[0].url = 'javascript:alert(1)'), 'roundups[1].publishedPosts[0].url is not an http(s) URL'],
    ['a version 2 file without its Trash', (f) => delete f.trash, 'trash is missing'],
    ['a Trash that is no list', (f) => (f.trash = {}), 'trash is not an array (got a object)'],
    ['two Trash entries with one id', (f) => f.trash.push(f.trash[0]), `trash[2].id repeats trash[0].id (${JSON.stringify(TRASH[0]!.id)})`],
    ['a Trash entry of no known kind', (f) => (f.trash[0].kind = 'post'), 'trash[0].kind is not one of "item", "roundup"'],
    ['a Trash entry that is no object', (f) => (f.trash[1] = 'r3'), 'trash[1] is not an object (got a string)'],
    ['an item entry whose id is not its own', (f) => (f.trash[0].id = 'item:r9:x:1'),
      `trash[0].id is not ${JSON.stringify(TRASH[0]!.id)} (made from its roundupId and item.postId)`],
    ['a roundup entry whose id is not its own', (f) => (f.trash[1].roundup.id = 'r4'), 'trash[1].id is not "roundup:r4" (made from its roundup.id)'],
    ['a negative place', (f) => (f.trash[0].index = -1), 'trash[0].index is not a whole number of 0 or more (got -1)'],
    ['a place that is no whole number', (f) => (f.trash[0].index = 1.5), 'trash[0].index is not a whole number of 0 or more (got 1.5)'],
    ['an "after" that is no post id', (f) => (f.trash[0].after = 'first'), 'trash[0].after is not a post id like "x:1234567890"'],
    ['a deletion time that is no date', (f) => (f.trash[1].deletedAt = 'today'), 'trash[1].deletedAt is not an ISO 8601 date-time'],
    ['an unknown field in a deleted roundup', (f) => (f.trash[1].roundup.evil = 1), 'trash[1].roundup.evil is not a known field'],
    ['another kind of file', (f) => (f.format = 'something-else'), 'backup is not a Roundup backup (format is not "roundup-backup")'],
  ])('refuses %s, naming the field', (_name, edit, message) => {
    expect(errorOf(edit)).toBe(message);
  });

  it('refuses prototype tricks anywhere and never lets them reach the data', () => {
    const proto = parseBackup(renderBackup(DATA).replace('"title": "Healthcare', '"__proto__": {"polluted": true}, "title": "Healthcare'));
    expect(proto).toEqual({ ok: false, error: 'roundups[0].__proto__ is not allowed' });
    expect(errorOf((f) => (f.posts[0].constructor = { prototype: {} }))).toBe('posts[0].constructor is not allowed');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('returns fresh plain objects holding only known fields', () => {
    const result = parseBackup(renderBackup(DATA));
    if (!result.ok) throw new Error(result.error);
    expect(Object.getPrototypeOf(result.data.roundups[0])).toBe(Object.prototype);
    expect(Object.keys(result.data)).toEqual(['exportedAt', 'roundups', 'posts', 'trash', 'settings']);
  });

  it('writes the Trash as a list, and a one-roundup export with an empty one', () => {
    const file = JSON.parse(renderBackup(DATA));
    expect(file).toMatchObject({ schemaVersion: 2, trash: TRASH });
    expect(JSON.parse(renderExport('json', input()))).toMatchObject({ schemaVersion: 2, trash: [] });
  });

  it('reads a version 1 file (before the Trash) as one with an empty Trash', () => {
    const { trash: _trash, ...v1 } = JSON.parse(renderBackup(DATA));
    const result = parseBackup(JSON.stringify({ ...v1, schemaVersion: 1 }));
    expect(result).toEqual({ ok: true, data: { ...DATA, trash: [] } });
  });

  it('takes what the store may hold: no page address, an unknown author, a quote without a link', () => {
    const linkOnly = { ...PLAIN_POST, author: { name: '', handle: '' }, text: '', segments: [], pageUrl: '', partial: true };
    const quoted = { ...RICH_POST, quoted: { ...RICH_POST.quoted!, id: '', url: '' } };
    const data = { ...DATA, posts: [quoted, linkOnly] };
    expect(parseBackup(renderBackup(data))).toEqual({ ok: true, data });
  });

  it('refuses text that is not JSON, not an object, or absurdly large', () => {
    expect(parseBackup('{"format": "roundup-backup",')).toMatchObject({ ok: false, error: expect.stringMatching(/^backup is not valid JSON/) });
    expect(parseBackup('[]')).toEqual({ ok: false, error: 'backup is not a Roundup backup (format is not "roundup-backup")' });
    expect(parseBackup(' '.repeat(MAX_BACKUP_CHARS + 1))).toEqual({ ok: false, error: `backup is larger than ${MAX_BACKUP_CHARS} characters` });
  });
});
