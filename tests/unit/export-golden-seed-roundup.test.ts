// The reference roundup (shared/seed-roundup.md) in every format, compared with the
// reviewed files in tests/golden/. A change to any renderer shows up here as a diff to
// read; after reviewing it, update with `npx vitest run --project unit -u`.
import { afterAll, describe, expect, it } from 'vitest';
import { EXPORT_FORMATS, renderExport } from '../../src/export';
import { parseBackup } from '../../src/export/backup-import';
import { SEED_INPUT, closeSeedPages } from '../golden/seed-roundup';

afterAll(closeSeedPages);

describe('seed roundup golden files', () => {
  it.each(EXPORT_FORMATS)('$id matches tests/golden/seed-roundup.$extension', async (format) => {
    await expect(renderExport(format.id, SEED_INPUT)).toMatchFileSnapshot(`../golden/seed-roundup.${format.extension}`);
  });

  it('HTML without the embed script matches tests/golden/seed-roundup.static.html', async () => {
    const input = { ...SEED_INPUT, settings: { ...SEED_INPUT.settings, includeEmbedScript: false } };
    await expect(renderExport('html', input)).toMatchFileSnapshot('../golden/seed-roundup.static.html');
  });

  it('Markdown with front matter and no images matches tests/golden/seed-roundup.front-matter.md', async () => {
    const input = { ...SEED_INPUT, settings: { ...SEED_INPUT.settings, markdownFrontMatter: true, markdownImages: false } };
    await expect(renderExport('markdown', input)).toMatchFileSnapshot('../golden/seed-roundup.front-matter.md');
  });
});

it('the seed JSON backup imports back to the same roundup and posts', () => {
  const result = parseBackup(renderExport('json', SEED_INPUT));
  expect(result.ok && result.data.roundups).toEqual([SEED_INPUT.roundup]);
  expect(result.ok && result.data.posts).toEqual(Object.values(SEED_INPUT.posts));
});
