// What a send to WordPress did, in a sentence or three, for the editor's status line. Pure; in
// the export code the editor loads on demand.
import type { SendReport } from './types';

const count = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** What a send did, in a sentence or three. */
export function describeSend(report: SendReport): string {
  const { made, uploaded, reused, notSent, draft } = report;
  const what =
    made === 'created'
      ? `Sent: a new draft on your site (post ${draft.postId}).`
      : made === 'updated'
        ? `Updated the draft on your site (post ${draft.postId}).`
        : `The draft sent before was deleted in WordPress, so this is a new one (post ${draft.postId}).`;
  const pictures = [uploaded > 0 && `${count(uploaded, 'picture')} uploaded`, reused > 0 && `${count(reused, 'picture')} already in the media library`].filter(Boolean);
  const missing = notSent.length
    ? ` ${count(notSent.length, 'picture')} could not go to the media library and still ${notSent.length === 1 ? 'points' : 'point'} at X: ${notSent.map((p) => p.reason).join('; ')}.`
    : '';
  return `${what}${pictures.length ? ` ${pictures.join(', ')}.` : ''}${missing}`;
}

