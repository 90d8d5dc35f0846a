// @vitest-environment happy-dom
// In a right-to-left language the pages say so (`dir="rtl"`, `lang`), the words and their
// plural forms come from that language's catalogue, the notices on a page keep their own
// direction whatever the page's, and the stylesheets place things by where a line starts and
// ends, never by left and right. Arabic here is a test catalogue (Roundup ships none yet): the
// English one with a few messages in Arabic, and the six plural forms Arabic counts with.
import { cleanup, render, screen, within } from '@testing-library/preact';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { Library, type LibraryActions } from '../../src/popup/Library';
import { localizePage, plural, t, uiDirection, uiLanguage } from '../../src/platform/i18n';
import { removeNotice, showNotice } from '../../src/content/notice';
import { fakeI18n, readCatalogue, useI18n, type Catalogue } from './helpers/i18n';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const en = readCatalogue('en');
const count = en.postCount_other!.placeholders;

const arabic: Catalogue = {
  ...en,
  languageTag: { message: 'ar' },
  yourRoundups: { message: 'ملخصاتك' },
  newRoundup: { message: 'ملخص جديد' },
  drafts: { message: 'المسودات' },
  undo: { message: 'تراجع' },
  postCount_zero: { message: 'لا منشورات', placeholders: count },
  postCount_one: { message: 'منشور واحد', placeholders: count },
  postCount_two: { message: 'منشوران', placeholders: count },
  postCount_few: { message: '$COUNT$ منشورات', placeholders: count },
  postCount_many: { message: '$COUNT$ منشورًا', placeholders: count },
  postCount_other: { message: '$COUNT$ منشور', placeholders: count },
};

let restore = () => {};
afterEach(() => {
  restore();
  restore = () => {};
  cleanup();
  removeNotice();
  document.documentElement.removeAttribute('dir');
  document.documentElement.removeAttribute('lang');
});

const NO_ACTIONS: LibraryActions = { create() {}, open() {}, rename() {}, setPublished() {}, remove() {} };
const summary = (id: string, postCount: number) => ({ id, title: `Roundup ${id}`, postCount, createdAt: '2026-01-01T00:00:00Z', updatedAt: new Date().toISOString(), current: false });

describe('a right-to-left language', () => {
  it('sets the page right to left, in its own language, and shows its words', () => {
    restore = useI18n(fakeI18n(arabic, { uiLocale: 'ar', rtl: true }));
    localizePage('settingsTitle');
    expect(document.documentElement.dir).toBe('rtl');
    expect(document.documentElement.lang).toBe('ar');
    render(<Library roundups={[summary('a', 3)]} actions={NO_ACTIONS} />);
    expect(screen.getByRole('heading', { name: 'ملخصاتك' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'ملخص جديد' })).toBeTruthy();
    expect(within(screen.getByRole('list', { name: 'المسودات' })).getAllByRole('listitem')).toHaveLength(1);
  });

  it('counts with every plural form the language has (Arabic: zero, one, two, few, many, other)', () => {
    restore = useI18n(fakeI18n(arabic, { uiLocale: 'ar', rtl: true }));
    expect([0, 1, 2, 3, 11, 100].map((n) => plural('postCount', n))).toEqual([
      'لا منشورات', 'منشور واحد', 'منشوران', '3 منشورات', '11 منشورًا', '100 منشور',
    ]);
    render(<Library roundups={[summary('a', 2), summary('b', 11)]} actions={NO_ACTIONS} />);
    const rows = within(screen.getByRole('list', { name: 'المسودات' })).getAllByRole('listitem');
    expect(rows[0]!.textContent).toContain('منشوران');
    expect(rows[1]!.textContent).toContain('11 منشورًا');
  });

  it('falls back to the form for "other" where a catalogue has none for the number, and to English words left to right without a catalogue', () => {
    // French counts a million with "many", which the French catalogue leaves to "other".
    restore = useI18n(fakeI18n(readCatalogue('fr'), { uiLocale: 'fr' }));
    expect(plural('postCount', 1_000_000)).toBe(`${new Intl.NumberFormat('fr').format(1_000_000)} posts`);
    expect(plural('postCount', 0)).toBe('0 post');
    restore();
    // An Arabic browser with no Arabic catalogue shows the English one: English, left to right.
    restore = useI18n(fakeI18n(en, { uiLocale: 'ar', rtl: true }));
    expect([uiLanguage(), uiDirection(), t('undo')]).toEqual(['en', 'ltr', 'Undo']);
  });

  it('keeps the notices on a page in their own direction, whatever the page\'s', () => {
    restore = useI18n(fakeI18n(arabic, { uiLocale: 'ar', rtl: true }));
    document.documentElement.dir = 'ltr'; // the page's own (an English X, say)
    showNotice('تمت الإزالة', { action: { label: t('undo'), run() {} } });
    const box = document.querySelector('[data-roundup-own="notice"]')?.shadowRoot?.querySelector('[role="status"]') as HTMLElement;
    expect([box.dir, box.lang]).toEqual(['rtl', 'ar']);
    expect(box.querySelector('button')!.textContent).toBe('تراجع');
  });

  it('is laid out by the styles with where lines start and end, not with left and right', () => {
    // Physical sides where the direction matters: margins, paddings, borders, floats, text
    // alignment, insets. Centring (`left: 50%` with `translateX(-50%)`) is the same either way.
    const PHYSICAL = /\b(?:(?:margin|padding|border)-(?:left|right)|float:\s*(?:left|right)|text-align:\s*(?:left|right)|(?:left|right):(?!\s*50%))/;
    const sheets = ['src/popup/popup.css', 'src/content/clip-button.ts', 'src/content/clip-thread.ts', 'src/content/notice.ts', 'src/content/select-bar.ts', 'src/content/page-style.ts', 'src/platform/page-notice.ts'];
    const found = sheets.flatMap((file) =>
      readFileSync(join(root, file), 'utf8')
        .split('\n')
        .map((line, i) => ({ where: `${file}:${i + 1}`, line: line.replace(/\/\*.*?\*\/|^\s*\/\/.*$/g, '') }))
        .filter(({ line }) => (file.endsWith('.css') || /[{;]\s*$|cssText|font:|padding|margin/.test(line)) && PHYSICAL.test(line))
        .map(({ where, line }) => `${where}: ${line.trim()}`),
    );
    expect(found).toEqual([]);
    expect(readFileSync(join(root, 'src/popup/popup.css'), 'utf8')).toMatch(/padding-inline-start|margin-inline-start/);
  });
});
