// Exports stay fast and complete on a roundup far larger than any real one: every
// renderer is linear in its input (no regex that backtracks on long text).
import { expect, it } from 'vitest';
import { EXPORT_FORMATS, renderExport } from '../../src/export';
import { parseBackup } from '../../src/export/backup-import';
import type { Post } from '../../src/model/post';
import { input, RICH_POST, SMALL_ROUNDUP } from '../golden/export-fixtures';

it('renders 100 posts with 125,000-character texts in every format within seconds', () => {
  const long = 'word '.repeat(5_000) + '\n'.repeat(1_000) + ' '.repeat(50_000) + '-'.repeat(50_000) + 'END';
  const posts: Post[] = Array.from({ length: 100 }, (_, i) => ({
    ...RICH_POST,
    id: `x:${i + 1}`,
    text: long,
    segments: [{ kind: 'text', text: long }, ...RICH_POST.segments],
  }));
  const roundup = {
    ...SMALL_ROUNDUP,
    intro: long,
    items: posts.map((p) => ({ postId: p.id, leadIn: long, commentary: long })),
  };
  for (const format of EXPORT_FORMATS) {
    const started = performance.now();
    const out = renderExport(format.id, input(roundup, {}, posts));
    expect(performance.now() - started, format.id).toBeLessThan(5_000);
    expect(out.split('END').length - 1, format.id).toBeGreaterThanOrEqual(format.id === 'json' ? 401 : 301);
    if (format.id === 'json') expect(parseBackup(out).ok).toBe(true);
  }
}, 60_000);
