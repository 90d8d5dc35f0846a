// What publishing remembers, in its own object store (see db.ts): the one WordPress site with
// its application password, the pictures already uploaded to it (so a picture goes up once per
// site), and the draft each roundup was sent to. Keys name the site, so a site removed and
// added again finds its pictures and drafts; another site starts afresh.
import type { SavedSite, SentDraft, SiteSummary } from '../publish/types';
import type { UploadedPicture } from '../publish/wordpress';
import type { Db } from './db';

const SITE = 'site';
const mediaKey = (site: string, pictureUrl: string) => `media ${site} ${pictureUrl}`;
const draftKey = (site: string, roundupId: string) => `draft ${site} ${roundupId}`;

/** The site without its password: all a view is ever told. */
export function summary(site: SavedSite): SiteSummary {
  return { url: site.url, user: site.user, name: site.name, savedAt: site.savedAt };
}

export function createPublishingStore(db: Db) {
  return {
    /** The saved site with its password: for the background's requests only. */
    async savedSite(): Promise<SavedSite | undefined> {
      return (await db.get('publishing', SITE)) as SavedSite | undefined;
    },
    async saveSite(site: SavedSite): Promise<void> {
      await db.put('publishing', site, SITE);
    },
    /** Forgets the site and its password; true when there was one. */
    async removeSite(): Promise<boolean> {
      const tx = db.transaction('publishing', 'readwrite');
      const had = (await tx.store.count(SITE)) > 0;
      await tx.store.delete(SITE);
      await tx.done;
      return had;
    },
    async uploadedPicture(site: string, pictureUrl: string): Promise<UploadedPicture | undefined> {
      return (await db.get('publishing', mediaKey(site, pictureUrl))) as UploadedPicture | undefined;
    },
    async rememberUpload(site: string, pictureUrl: string, uploaded: UploadedPicture): Promise<void> {
      await db.put('publishing', { id: uploaded.id, url: uploaded.url }, mediaKey(site, pictureUrl));
    },
    async forgetUpload(site: string, pictureUrl: string): Promise<void> {
      await db.delete('publishing', mediaKey(site, pictureUrl));
    },
    async sentDraft(site: string, roundupId: string): Promise<SentDraft | undefined> {
      return (await db.get('publishing', draftKey(site, roundupId))) as SentDraft | undefined;
    },
    async rememberDraft(draft: SentDraft): Promise<void> {
      await db.put('publishing', draft, draftKey(draft.site, draft.roundupId));
    },
  };
}

export type PublishingStore = ReturnType<typeof createPublishingStore>;
