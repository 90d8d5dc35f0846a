// What an import did, in words: the numbers the merge rule produced (see src/store/backup.ts).
import type { ImportSummary } from '../../store/backup';
import { list, plural, t, type PluralBase } from '../../platform/i18n';

type Counts = ImportSummary['roundups'];

/** "2 posts added, 1 replaced by the backup's newer copy, 3 already here and kept". */
function counted(c: Counts, added: PluralBase): string {
  const parts = [plural(added, c.added)];
  if (c.replaced) parts.push(plural('importReplaced', c.replaced));
  if (c.kept) parts.push(plural('importKept', c.kept));
  return list(parts);
}

export function importMessage(summary: ImportSummary): string {
  const { added, replaced, kept } = summary.trash;
  const roundups = counted(summary.roundups, 'importAddedRoundups');
  const posts = counted(summary.posts, 'importAddedPosts');
  // The Trash is named only when the backup held some: most files carry none.
  return added + replaced + kept > 0
    ? t('importDoneWithTrash', roundups, posts, counted(summary.trash, 'importAddedTrash'))
    : t('importDone', roundups, posts);
}
