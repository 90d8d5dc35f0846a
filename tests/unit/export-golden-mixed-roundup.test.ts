// A roundup from X, Bluesky and Mastodon (tests/golden/mixed-roundup.ts) in every format,
// compared with the reviewed files in tests/golden/. A change to any renderer shows up here as
// a diff to read; after reviewing it, update with `npx vitest run --project unit -u`.
import { describe, expect, it } from 'vitest';
import { EXPORT_FORMATS, renderExport } from '../../src/export';
import { parseBackup } from '../../src/export/backup-import';
import { renderPage } from '../../src/export/page';
import { MIXED_INPUT } from '../golden/mixed-roundup';

describe('mixed-network roundup golden files', () => {
  it.each(EXPORT_FORMATS)('$id matches tests/golden/mixed-roundup.$extension', async (format) => {
    await expect(renderExport(format.id, MIXED_INPUT)).toMatchFileSnapshot(`../golden/mixed-roundup.${format.extension}`);
  });

  it('HTML without the embed script matches tests/golden/mixed-roundup.static.html', async () => {
    const input = { ...MIXED_INPUT, settings: { ...MIXED_INPUT.settings, includeEmbedScript: false } };
    await expect(renderExport('html', input)).toMatchFileSnapshot('../golden/mixed-roundup.static.html');
  });

  it('the self-contained page, with no kept copies, matches tests/golden/mixed-roundup.page.html', async () => {
    await expect(renderPage(MIXED_INPUT, new Map())).toMatchFileSnapshot('../golden/mixed-roundup.page.html');
  });
});

it('the mixed JSON backup imports back to the same roundup and posts', () => {
  const result = parseBackup(renderExport('json', MIXED_INPUT));
  expect(result.ok && result.data.roundups).toEqual([MIXED_INPUT.roundup]);
  expect(result.ok && result.data.posts).toEqual(Object.values(MIXED_INPUT.posts));
});
