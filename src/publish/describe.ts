// What a send to WordPress did, in a sentence or three, for the editor's status line, in the
// writer's language (the interface's catalogue, src/platform/i18n.ts). In the export code the
// editor loads on demand.
import type { SendReport } from './types';
import { list, plural, sentences, t } from '../platform/i18n';

const MADE = { created: 'sentNewDraft', updated: 'sentUpdatedDraft', recreated: 'sentRecreatedDraft' } as const;

/** What a send did, in a sentence or three. */
export function describeSend(report: SendReport): string {
  const { made, uploaded, reused, notSent, draft } = report;
  const pictures = [uploaded > 0 && plural('picturesUploaded', uploaded), reused > 0 && plural('picturesReused', reused)].filter((p): p is string => !!p);
  return sentences(
    t(MADE[made], draft.postId),
    pictures.length > 0 && t('fullStop', list(pictures)),
    notSent.length > 0 && plural('picturesNotSent', notSent.length, notSent.map((p) => p.reason).reduce((all, reason) => t('reasonPair', all, reason))),
  );
}
