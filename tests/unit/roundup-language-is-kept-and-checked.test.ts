// A roundup's language (model/language.ts): a new roundup takes the browser's, as its caller
// read it; the one Roundup schema checks it, so the store and a backup agree; a backup carries
// it and imports it back; a backup made before languages still imports; a file holding a tag
// that is no language tag is refused by name (nothing is written), while the store's own data
// never makes such a file: its cleaning drops a bad stored tag and keeps every word.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { renderBackup, renderExport, type BackupData } from '../../src/export';
import { parseBackup } from '../../src/export/backup-import';
import { DEFAULT_LANGUAGE, languageTag, roundupLanguage } from '../../src/model/language';
import { newRoundup, type Roundup } from '../../src/model/roundup';
import { cleanRoundup, cleanTrashEntry, roundupSchema } from '../../src/model/roundup-schema';
import { roundupTrashId } from '../../src/model/trash';
import { createBackupStore, createStores, LanguageTagError, openRoundupDb, type Db, type Stores } from '../../src/store';
import { input, PLAIN_POST, RICH_POST, SMALL_ROUNDUP } from '../golden/export-fixtures';
import { makePost } from './helpers/posts';

describe('a language tag', () => {
  it.each([
    ['en', 'en'], ['de', 'de'], ['ja', 'ja'], ['ar', 'ar'], ['pt-BR', 'pt-BR'], ['pt-br', 'pt-BR'], ['EN-us', 'en-US'],
    ['zh-hant-tw', 'zh-Hant-TW'], ['iw', 'he'], ['de-CH-u-nu-latn', 'de-CH-u-nu-latn'], ['tlh', 'tlh'],
  ])('%j reads as %j', (value, tag) => {
    expect(languageTag(value)).toBe(tag);
  });

  it.each(['', 'en_US', 'english', 'x-private', '-', 'de-', 'en--US', '1en', 'en US', '"><b>', 'a'.repeat(65), 7, null, undefined, ['en']])(
    '%j is none',
    (value) => expect(languageTag(value)).toBeNull(),
  );
});

describe('a new roundup', () => {
  it('takes the browser’s language as its caller read it', () => {
    expect(newRoundup('r', '2026-01-01T00:00:00.000Z', 'de-AT').language).toBe('de-AT');
    expect(newRoundup('r', '2026-01-01T00:00:00.000Z', 'en_US').language).toBe('en-US');
  });

  it('is English when what the browser said is no language tag', () => {
    expect(roundupLanguage('')).toBe(DEFAULT_LANGUAGE);
    expect(newRoundup('r', '2026-01-01T00:00:00.000Z', 'no language').language).toBe('en');
  });

  it('made with no language given has none, as a roundup made before languages', () => {
    expect(newRoundup('r', '2026-01-01T00:00:00.000Z')).toEqual({
      id: 'r', title: '', intro: '', closing: '', items: [], createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z',
    });
  });
});

describe('the Roundup schema', () => {
  const { roundup } = roundupSchema();

  it('takes a roundup with a language, as its canonical tag, and one without', () => {
    expect(roundup({ ...SMALL_ROUNDUP, language: 'pt-br' }, 'roundup')).toEqual({ ...SMALL_ROUNDUP, language: 'pt-BR' });
    expect(roundup(SMALL_ROUNDUP, 'roundup')).toEqual(SMALL_ROUNDUP);
  });

  it.each([['english'], ['en_US'], [''], [42]])('refuses %j by name', (language) => {
    expect(() => roundup({ ...SMALL_ROUNDUP, language }, 'roundup')).toThrow(
      typeof language === 'string' ? 'roundup.language is not a language tag (BCP 47, such as "en", "de" or "pt-BR")' : 'roundup.language is not a string (got a number)',
    );
  });

  it('cleaning a stored roundup drops a bad tag and keeps every word and item', () => {
    const stored = { ...SMALL_ROUNDUP, language: 'en_US' };
    expect(cleanRoundup(stored)).toEqual(SMALL_ROUNDUP);
    expect(cleanRoundup({ ...SMALL_ROUNDUP, language: 'ja' })).toEqual({ ...SMALL_ROUNDUP, language: 'ja' });
    const trashed = { id: roundupTrashId('r1'), kind: 'roundup' as const, roundup: stored, deletedAt: '2026-01-02T00:00:00.000Z' };
    expect(cleanTrashEntry(trashed)).toEqual({ ...trashed, roundup: SMALL_ROUNDUP });
  });
});

describe('the JSON backup', () => {
  const DATA: BackupData = {
    exportedAt: '2025-11-23T12:00:00.000Z',
    roundups: [{ ...SMALL_ROUNDUP, language: 'de' }, { ...SMALL_ROUNDUP, id: 'r2', language: 'ar' }, { ...SMALL_ROUNDUP, id: 'r3' }],
    posts: [RICH_POST, PLAIN_POST],
    trash: [{ id: roundupTrashId('r4'), kind: 'roundup', roundup: { ...SMALL_ROUNDUP, id: 'r4', language: 'ja' }, deletedAt: '2025-11-22T10:00:00.000Z' }],
    settings: input().settings,
  };

  it('carries each roundup’s language, deleted ones too, and reads it back', () => {
    expect(parseBackup(renderBackup(DATA))).toEqual({ ok: true, data: DATA });
  });

  it('of one roundup carries its language', () => {
    const result = parseBackup(renderExport('json', input({ ...SMALL_ROUNDUP, language: 'pt-BR' })));
    expect(result.ok && result.data.roundups[0]!.language).toBe('pt-BR');
  });

  it('made before languages (no language anywhere) still imports, its roundups with none', () => {
    const file = JSON.parse(renderBackup(DATA));
    for (const r of file.roundups) delete r.language;
    delete file.trash[0].roundup.language;
    const result = parseBackup(JSON.stringify(file));
    expect(result.ok).toBe(true);
    expect(result.ok && result.data.roundups.map((r) => 'language' in r)).toEqual([false, false, false]);
  });

  it('reads a tag in any case as its canonical form', () => {
    const result = parseBackup(renderBackup(DATA).replace('"language": "de"', '"language": "DE-at"'));
    expect(result.ok && result.data.roundups[0]!.language).toBe('de-AT');
  });

  it.each<[string, (file: any) => void, string]>([
    ['a tag that is no language', (f) => (f.roundups[1].language = 'arabic'), 'roundups[1].language is not a language tag (BCP 47, such as "en", "de" or "pt-BR")'],
    ['a tag written as a locale id', (f) => (f.roundups[0].language = 'de_DE'), 'roundups[0].language is not a language tag (BCP 47, such as "en", "de" or "pt-BR")'],
    ['a language that is no string', (f) => (f.roundups[0].language = ['de']), 'roundups[0].language is not a string (got an array)'],
    ['an over-long tag', (f) => (f.roundups[0].language = `de-${'x'.repeat(100)}`), 'roundups[0].language is longer than 64 characters'],
    ['a bad tag in a deleted roundup', (f) => (f.trash[0].roundup.language = ''), 'trash[0].roundup.language is not a language tag (BCP 47, such as "en", "de" or "pt-BR")'],
  ])('refuses %s, naming the field', (_name, edit, message) => {
    const file = JSON.parse(renderBackup(DATA));
    edit(file);
    expect(parseBackup(JSON.stringify(file))).toEqual({ ok: false, error: message });
  });
});

describe('the store', () => {
  let n = 0;
  const open: Db[] = [];
  afterEach(() => {
    for (const db of open.splice(0)) db.close();
  });

  async function storeWith(language?: () => string): Promise<Stores> {
    const db = await openRoundupDb(`language-${++n}`);
    open.push(db);
    let tick = 0;
    const options = { now: () => new Date(Date.UTC(2026, 0, 1, 0, 0, tick++)).toISOString(), newId: () => `r${++tick}`, ...(language ? { language } : {}) };
    return { ...createStores(db, options), ...createBackupStore(db, options) };
  }

  it('gives a roundup made on a clip, or made new, the browser’s language of the moment', async () => {
    let browser = 'de-AT';
    const store = await storeWith(() => browser);
    expect((await store.currentRoundup()).language).toBe('de-AT');
    browser = 'ja';
    expect((await store.createRoundup('Second')).language).toBe('ja');
    expect((await store.currentRoundup()).language).toBe('ja');
  });

  it('makes roundups with no language when given none to take', async () => {
    const store = await storeWith();
    expect((await store.currentRoundup()).language).toBeUndefined();
    expect((await store.createRoundup('Second')).language).toBeUndefined();
  });

  it('changes a roundup’s language, as its canonical tag, and keeps its words and posts', async () => {
    const store = await storeWith(() => 'en-US');
    const { id } = await store.currentRoundup();
    await store.clip(makePost(1));
    await store.setRoundupText(id, 'title', 'Kept');
    const changed = await store.setRoundupLanguage(id, 'pt-br');
    expect(changed).toMatchObject({ language: 'pt-BR', title: 'Kept', items: [{ postId: makePost(1).id }] });
    expect((await store.getRoundup(id))?.language).toBe('pt-BR');
  });

  it('refuses a language that is no tag, as a request that can never succeed, and changes nothing', async () => {
    const store = await storeWith(() => 'fr');
    const { id } = await store.currentRoundup();
    const error = await store.setRoundupLanguage(id, 'French').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LanguageTagError);
    expect(error).toMatchObject({ permanent: true, message: '"French" is not a language tag (BCP 47, such as "en", "de" or "pt-BR").' });
    expect((await store.getRoundup(id))?.language).toBe('fr');
  });

  it('backs up a roundup’s language and a backup brings it back into another store', async () => {
    const source = await storeWith(() => 'ar');
    const { id } = await source.currentRoundup();
    await source.clip(makePost(1));
    const text = renderBackup(await source.exportAll('2026-02-01T00:00:00.000Z'));
    const parsed = parseBackup(text);
    expect(parsed.ok && parsed.data.roundups[0]!.language).toBe('ar');
    const target = await storeWith(() => 'de');
    await target.importBackup(parsed.ok ? parsed.data : (undefined as never));
    expect((await target.getRoundup(id))?.language).toBe('ar');
  });

  it('never writes a backup its own import refuses: a bad stored tag is left out, every word kept', async () => {
    const store = await storeWith();
    const { id } = await store.currentRoundup();
    await store.setRoundupText(id, 'intro', 'Every word');
    // As an older version, or a hand-edited database, might have stored it.
    const db = open.at(-1)!;
    const stored = (await db.get('roundups', id)) as Roundup;
    await db.put('roundups', { ...stored, language: 'not a tag' });
    const parsed = parseBackup(renderBackup(await store.exportAll('2026-02-01T00:00:00.000Z')));
    expect(parsed.ok).toBe(true);
    expect(parsed.ok && parsed.data.roundups[0]).toMatchObject({ id, intro: 'Every word' });
    expect(parsed.ok && 'language' in parsed.data.roundups[0]!).toBe(false);
  });
});
