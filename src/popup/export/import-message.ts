// What an import did, in words: the numbers the merge rule produced (see src/store/backup.ts).
import type { ImportSummary } from '../../store/backup';

type Counts = ImportSummary['roundups'];

const plural = (n: number, one: string): string => `${n} ${one}${n === 1 ? '' : 's'}`;

function counted(c: Counts, noun: string): string {
  const parts = [`${plural(c.added, noun)} added`];
  if (c.replaced) parts.push(`${c.replaced} replaced by the backup's newer copy`);
  if (c.kept) parts.push(`${c.kept} already here and kept`);
  return parts.join(', ');
}

export function importMessage(summary: ImportSummary): string {
  return `Backup imported: ${counted(summary.roundups, 'roundup')}; ${counted(summary.posts, 'post')}. Settings restored from the backup.`;
}
