// What an import did, in words: the numbers the merge rule produced (see src/store/backup.ts).
import type { ImportSummary } from '../../store/backup';

type Counts = ImportSummary['roundups'];

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

function counted(c: Counts, noun: string, nouns?: string): string {
  const parts = [`${plural(c.added, noun, nouns)} added`];
  if (c.replaced) parts.push(`${c.replaced} replaced by the backup's newer copy`);
  if (c.kept) parts.push(`${c.kept} already here and kept`);
  return parts.join(', ');
}

export function importMessage(summary: ImportSummary): string {
  const { added, replaced, kept } = summary.trash;
  // The Trash is named only when the backup held some: most files carry none.
  const trash = added + replaced + kept > 0 ? `; ${counted(summary.trash, 'Trash entry', 'Trash entries')}` : '';
  return `Backup imported: ${counted(summary.roundups, 'roundup')}; ${counted(summary.posts, 'post')}${trash}. Settings restored from the backup.`;
}
