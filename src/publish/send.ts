// "Send to WordPress", step by step, pure: every request goes through `call`, every picture's
// bytes through `picture`, every memory through `uploads` (the background passes the platform
// and the store). The order keeps the writer's site tidy: first who we are (a wrong password
// stops everything before anything is uploaded), then the draft sent before (a published post
// is left alone), then the pictures the site lacks, one by one, each remembered the moment it
// is up (a send cut short reuses them next time), and last the draft itself — so a draft is
// only ever written whole, and a picture that could not go up is reported, never silently
// left pointing nowhere. Its words are the writer's language's (src/platform/i18n.ts).
import type { Call, SiteAnswer } from './connect';
import type { PictureNotSent, SavedSite, SendReport, SendRequest, SentDraft } from './types';
import {
  editLink, getPost, listMedia, pointAtLibrary, readDraft, readMediaList, readUpload, readWriter, saveDraft, uploadPicture, whoAmI,
  said, type PictureTarget, type Site, type UploadedPicture,
} from './wordpress';
import { extensionOf, imageType } from '../export/pictures';
import { plural, sentences, t } from '../platform/i18n';

export interface SendDeps {
  call: Call;
  /** A picture's bytes: its kept copy, else fetched now; a reason in words when there are none. */
  picture(url: string): Promise<{ type: string; bytes: Uint8Array } | { missing: string }>;
  /** The pictures already uploaded to this site, by the URL the post holds. */
  uploads: {
    get(url: string): Promise<UploadedPicture | undefined>;
    put(url: string, uploaded: UploadedPicture): Promise<void>;
    forget(url: string): Promise<void>;
  };
  /** The draft this roundup was sent to on this site before, if any. */
  previous: SentDraft | undefined;
  now(): string;
  /** After each picture: how many of how many are done. */
  progress?(done: number, total: number): void;
}

export type SendOutcome = { ok: true; report: SendReport } | { ok: false; error: string };

/** A request the site did not answer: the send stops and says how far it got. */
class Unreachable extends Error {}

const PAGE = 100;

/** How far a send got, for the message when the site stops answering. */
type Stage = 'before' | 'pictures' | 'makingDraft' | 'updatingDraft';

function site(saved: SavedSite): Site {
  return { url: saved.url, user: saved.user, applicationPassword: saved.applicationPassword, pretty: saved.pretty };
}

export async function sendRoundup(saved: SavedSite, request: SendRequest, deps: SendDeps): Promise<SendOutcome> {
  const s = site(saved);
  const call = async (r: ReturnType<typeof whoAmI>): Promise<SiteAnswer> => {
    try {
      return await deps.call(r);
    } catch (e) {
      throw new Unreachable((e as Error).message);
    }
  };
  let uploaded = 0;
  // How far the send got, for the message when the site stops answering.
  let stage: Stage = 'before';
  const unreachable = (e: Unreachable) => {
    if (stage === 'before') return t('wpUnreachableNothingSent', saved.url, e.message);
    const pictures = uploaded > 0 && plural('wpPicturesStayOnSite', uploaded);
    if (stage === 'pictures') return sentences(t('wpStoppedWhileUploading', saved.url, e.message), pictures, t('wpNoDraftYetSendAgain'));
    // The draft's request went out and no answer came back: WordPress may have saved it or not.
    return sentences(
      t(stage === 'makingDraft' ? 'wpStoppedWhileMakingDraft' : 'wpStoppedWhileUpdatingDraft', saved.url, e.message),
      pictures,
      t('wpDraftMayBeSaved'),
    );
  };
  const sending = t('wpSendingToWordPress');

  try {
    // 1. Who we are, and that we may write (and upload).
    const me = readWriter(...answerOf(await call(whoAmI(s))), sending);
    if (!me.ok) return { ok: false, error: me.error };
    if (!me.value.canWrite) return { ok: false, error: said(sending, t('wpUserMayNotWriteOn', me.value.name || saved.user, saved.url)) };

    // 2. The draft sent before: still a draft, gone (deleted or in WordPress's trash), or published.
    let postId: number | undefined;
    let made: SendReport['made'] = 'created';
    if (deps.previous) {
      const answer = await call(getPost(s, deps.previous.postId));
      const found = readDraft(answer.status, answer.body, t('wpFindingDraftSentBefore'));
      if (found.ok && found.value.status !== 'trash') {
        if (['publish', 'future', 'private'].includes(found.value.status)) {
          return { ok: false, error: t(found.value.status === 'future' ? 'wpAlreadyScheduled' : 'wpAlreadyPublished', saved.url, found.value.id) };
        }
        postId = found.value.id;
        made = 'updated';
      } else if (found.ok || answer.status === 404 || answer.status === 410) {
        made = 'recreated';
      } else {
        return { ok: false, error: found.error };
      }
    }

    // 3. The pictures: those the library still holds are reused; the others go up one by one.
    const pictures = unique(request.pictures);
    const targets = new Map<string, PictureTarget>();
    const notSent: PictureNotSent[] = [];
    const known = new Map<string, UploadedPicture>();
    for (const p of pictures) {
      const u = await deps.uploads.get(p.url);
      if (u) known.set(p.url, u);
    }
    const stillThere = await inLibrary(s, [...known.values()].map((u) => u.id), call);
    if (!stillThere.ok) return stillThere;
    let reused = 0;
    let done = 0;
    for (const p of pictures) {
      const before = known.get(p.url);
      const there = before && stillThere.value.get(before.id);
      if (there) {
        targets.set(p.file, { url: there, id: before.id });
        reused++;
      } else {
        if (before) await deps.uploads.forget(p.url); // deleted from the library since
        if (me.value.canUpload) stage = 'pictures';
        const result = me.value.canUpload ? await upload(s, p.url, deps, call) : { missing: t('wpUserMayNotUpload', saved.user) };
        if ('missing' in result) {
          notSent.push({ url: p.url, reason: result.missing });
          targets.set(p.file, { url: p.url });
        } else {
          await deps.uploads.put(p.url, result);
          uploaded++;
          targets.set(p.file, { url: result.url, id: result.id });
        }
      }
      deps.progress?.(++done, pictures.length);
    }

    // 4. The draft, whole.
    stage = postId === undefined ? 'makingDraft' : 'updatingDraft';
    const draft = { title: request.title, content: pointAtLibrary(request.content, targets), excerpt: request.excerpt };
    const answer = await call(saveDraft(s, draft, postId));
    let savedDraft = readDraft(answer.status, answer.body, sending);
    if (!savedDraft.ok && postId !== undefined && answer.status === 404) {
      // Deleted between our look and our update: a new one, as if we had seen it gone.
      savedDraft = readDraft(...answerOf(await call(saveDraft(s, draft))), sending);
      made = 'recreated';
    }
    if (!savedDraft.ok) {
      return {
        ok: false,
        error: sentences(savedDraft.error, uploaded > 0 && plural('wpPicturesStayInLibrary', uploaded), t(postId === undefined ? 'wpNoDraftMade' : 'wpNoDraftChanged')),
      };
    }
    const sent: SentDraft = {
      site: saved.url,
      roundupId: request.roundupId,
      postId: savedDraft.value.id,
      editUrl: editLink(saved.url, savedDraft.value.id),
      link: savedDraft.value.link,
      sentAt: deps.now(),
    };
    return { ok: true, report: { draft: sent, made, uploaded, reused, notSent } };
  } catch (e) {
    if (e instanceof Unreachable) return { ok: false, error: unreachable(e) };
    throw e;
  }
}

const answerOf = (a: SiteAnswer): [number, string] => [a.status, a.body];

function unique<T extends { url: string; file: string }>(pictures: readonly T[]): T[] {
  const seen = new Set<string>();
  return pictures.filter((p) => !seen.has(p.file) && (seen.add(p.file), true));
}

/** Which of the remembered media ids the library still holds, with their addresses. */
async function inLibrary(s: Site, ids: number[], call: Call): Promise<{ ok: true; value: Map<number, string> } | { ok: false; error: string }> {
  const found = new Map<number, string>();
  for (let i = 0; i < ids.length; i += PAGE) {
    const answer = await call(listMedia(s, ids.slice(i, i + PAGE)));
    const list = readMediaList(answer.status, answer.body, t('wpSendingReadingMediaLibrary'));
    if (!list.ok) return { ok: false, error: list.error };
    for (const m of list.value) found.set(m.id, m.url);
  }
  return { ok: true, value: found };
}

/** One picture up: its bytes, then the upload; a reason in words when it cannot go (the send goes on). */
async function upload(s: Site, url: string, deps: SendDeps, call: Call): Promise<UploadedPicture | { missing: string }> {
  const bytes = await deps.picture(url);
  if ('missing' in bytes) return bytes;
  const type = imageType(bytes.type);
  if (!type) return { missing: t('wpNotAPictureWordPressTakes', bytes.type || t('wpNoType')) };
  const fileName = `${lastPart(url)}.${extensionOf(type)}`;
  const answer = await call(uploadPicture(s, { fileName, type, bytes: bytes.bytes }));
  const read = readUpload(answer.status, answer.body, null);
  if (read.ok) return read.value;
  // Too large, refused, or broken on the site's side: this picture points at X; the send goes on.
  // A wrong password or a site gone would have stopped at step 1; a 5xx on one file is that file's.
  return { missing: read.error };
}

/** A readable file name for the media library: the last part of X's path (`GxK2abXW4AA`). */
function lastPart(url: string): string {
  try {
    const last = new URL(url).pathname.split('/').pop() ?? '';
    return last.replace(/\.[a-z0-9]+$/i, '').replace(/[^A-Za-z0-9_-]+/g, '-').slice(0, 40) || 'picture';
  } catch {
    return 'picture';
  }
}
