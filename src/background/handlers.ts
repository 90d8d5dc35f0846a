// What each message does, in terms of the store. No browser APIs here: the caller passes in
// what to do after a change (badge, notifying views), so this is unit-testable.
import type { Roundup } from '../model/roundup';
import type { Stores } from '../store';
import type { Handlers } from './router';
import { parseBackup } from '../export/backup-import';
import { postFromLink } from '../capture';
import { noCopies, type CopyWork } from './copies';
import { createPublishHandlers, OFFLINE, type PublishDeps } from './publish';
import { blueskyPostFromLink, type Bluesky } from './bluesky';
import type { Mastodon } from './mastodon';
import { createInstanceHandlers, type InstanceDeps } from './instances';
import { blueskyAtUri, blueskyPostLink, mastodonIdUrl, mastodonStatusLink } from '../model/networks';
import type { Post } from '../model/post';
import { t } from '../platform/i18n';

/** The networks' public APIs the background reads posts from (background/bluesky.ts, mastodon.ts); none in tests that need none. */
export interface NetworkApis {
  bluesky?: Bluesky;
  mastodon?: Mastodon;
  /** The Mastodon instances Roundup runs on (background/instances.ts). */
  instances?: InstanceDeps;
}

/** A request refused as it is: sending it again would not help (the router marks it so). */
class Refused extends Error {
  readonly permanent = true;
}

/** What changed: the words or order only, or which posts a roundup holds (and so the badge). */
export type ChangeKind = 'words' | 'posts';

/**
 * `copies`: keeping copies of pictures (background/copies.ts). Started after a change is stored
 * and never awaited, so a copy never delays or fails the request that stored the post.
 * `publishing`: the network and permission checks publishing needs (background/publish.ts).
 */
export function createHandlers(
  store: Stores,
  onChange: (roundup: Roundup, kind: ChangeKind) => void | Promise<void>,
  copies: CopyWork = noCopies(),
  publishing: PublishDeps = OFFLINE,
  apis: NetworkApis = {},
): Handlers {
  const changed = async (roundup: Roundup, kind: ChangeKind = 'posts') => {
    await onChange(roundup, kind);
    return roundup;
  };
  const state = (roundup: Roundup) => ({ roundupId: roundup.id, count: roundup.items.length });
  /** The pictures of a post just stored, then anything left from before (a stopped worker, a failed try). */
  const copyStored = (postId: string) => void copies.copyPosts([postId]);
  /**
   * A Bluesky or Mastodon post read from the page is partial (Bluesky's has no CID or exact
   * facets; Mastodon's web app shows its words but not all its parts): the API's read of it
   * enriches the stored copy a moment later, and open editors are told. When the API cannot be
   * reached the post stays as the page showed it, marked partial.
   */
  const readWhole = (post: Post) => {
    if (!post.partial && post.site !== 'bluesky') return;
    const atUri = post.site === 'bluesky' ? (post.atUri ?? blueskyAtUri(post.id)) : null;
    const statusUrl = post.site === 'mastodon' ? mastodonIdUrl(post.id) : null;
    const read = atUri && apis.bluesky ? apis.bluesky.post(atUri, post.pageUrl)
      : statusUrl && apis.mastodon ? apis.mastodon.postOfLink(statusUrl, post.pageUrl)
      : null;
    void read?.then(async (whole) => {
      if (!whole.ok || whole.value.id !== post.id) return;
      if (await store.refreshPost(whole.value)) {
        await onChange(await store.currentRoundup(), 'words');
        copyStored(post.id);
      }
    }).catch(() => {});
  };

  /** A Bluesky or Mastodon post's self-thread, from its network's API (X's comes from the page). */
  const threadOf = async (postId: string): Promise<Post[]> => {
    const atUri = blueskyAtUri(postId);
    if (atUri && apis.bluesky) {
      const read = await apis.bluesky.thread(atUri, '');
      if (!read.ok) throw new Refused(t('threadFromBlueskyFailed', read.error));
      return read.value;
    }
    const statusUrl = mastodonIdUrl(postId);
    if (statusUrl && apis.mastodon) {
      const read = await apis.mastodon.thread(statusUrl, statusUrl);
      if (!read.ok) throw new Refused(t('threadFromMastodonFailed', read.error));
      return read.value;
    }
    throw new Refused(t('threadOnlyFromNetworks'));
  };

  return {
    async toggleClip({ post }) {
      const current = await store.currentRoundup();
      if (current.items.some((item) => item.postId === post.id)) {
        // Never the words: an item that holds some goes to the Trash, and the page offers "Undo".
        const { roundup, trashId } = await store.removeItem(current.id, post.id);
        if (!trashId) void copies.collect(); // removed for good: its pictures may be needed no more
        return { ...state(await changed(roundup)), clipped: false, ...(trashId ? { trashId } : {}) };
      }
      const { roundup } = await store.clip(post);
      copyStored(post.id);
      readWhole(post);
      return { ...state(await changed(roundup)), clipped: true };
    },
    async getCurrentRoundup() {
      return store.loadRoundup((await store.currentRoundup()).id);
    },
    async setRoundupText({ roundupId, field, value }) {
      const roundup = await changed(await store.setRoundupText(roundupId, field, value), 'words');
      return { updatedAt: roundup.updatedAt };
    },
    async setItemText({ roundupId, postId, field, value }) {
      const roundup = await changed(await store.setItemText(roundupId, postId, field, value), 'words');
      return { updatedAt: roundup.updatedAt };
    },
    async moveItem({ roundupId, postId, to }) {
      const roundup = await changed(await store.moveItem(roundupId, postId, to), 'words');
      return { postIds: roundup.items.map((item) => item.postId) };
    },
    async removeItem({ roundupId, postId }) {
      const { roundup, trashId } = await store.removeItem(roundupId, postId);
      if (!trashId) void copies.collect();
      return { ...state(await changed(roundup)), ...(trashId ? { trashId } : {}) };
    },
    getSettings: () => store.getSettings(),
    async updateSettings({ patch }) {
      const settings = await store.updateSettings(patch);
      if (patch.keepCopies === true) void copies.resume(); // the posts clipped while it was off
      return settings;
    },
    // The set of roundups: each answers with the state of the (possibly new) current one.
    async createRoundup({ title, roundupId }) {
      return state(await changed(await store.createRoundup(title, roundupId)));
    },
    async setCurrentRoundup({ roundupId }) {
      return state(await changed(await store.setCurrentRoundup(roundupId)));
    },
    async deleteRoundup({ roundupId }) {
      const { trashId } = await store.deleteRoundup(roundupId);
      return { ...state(await changed(await store.currentRoundup())), trashId };
    },
    async restoreFromTrash({ id }) {
      const restored = await changed(await store.restoreFromTrash(id));
      void copies.resume(); // what it shows was kept; a copy that failed may be due
      // The answer is about the current roundup (a restored roundup becomes it; an item may not be in it).
      const current = await store.currentRoundup();
      return state(current.id === restored.id ? restored : current);
    },
    async emptyTrash() {
      const removed = await store.emptyTrash();
      void copies.collect();
      await changed(await store.currentRoundup(), 'words'); // open Trash views re-read
      return { removed };
    },
    async setRoundupLanguage({ roundupId, language }) {
      const roundup = await changed(await store.setRoundupLanguage(roundupId, language), 'words');
      return { language: roundup.language ?? language };
    },
    async setPublished({ roundupId, published }) {
      await changed(await store.setPublished(roundupId, published));
      return { roundupId };
    },
    async restoreItem({ roundupId, item, index }) {
      const roundup = await store.restoreItem(roundupId, item, index);
      // Undo of a removal that kept no words: its copies may have been collected meanwhile.
      void copies.copyPosts([item.postId]);
      return state(await changed(roundup));
    },
    exportAll: () => store.exportAll(new Date().toISOString()),
    // Validated here, where it is written: nothing reaches the store unless the whole file is good.
    async importBackup({ text }) {
      const parsed = parseBackup(text);
      if (!parsed.ok) throw new Refused(t('importFailed', parsed.error));
      const summary = await store.importBackup(parsed.data);
      void copies.resume(); // the imported posts' pictures, by the path every stored post takes
      await changed(await store.currentRoundup()); // the current roundup may be one it replaced
      return summary;
    },
    // Picking posts (context menu, content scripts): see src/background/picking.ts.
    async getClips() {
      const current = await store.currentRoundup();
      return { ...state(current), clipped: current.items.map((item) => item.postId), at: Date.now() };
    },
    async clipPost({ post }) {
      const { roundup, added } = await store.clip(post);
      copyStored(post.id); // also when not added: a richer capture may show more pictures
      readWhole(post);
      return { ...state(added ? await changed(roundup) : roundup), added };
    },
    async clipThread({ posts }) {
      const { roundup, added } = await store.clipAll(posts);
      void copies.copyPosts(posts.map((p) => p.id));
      posts.forEach(readWhole);
      return { ...state(added.length ? await changed(roundup) : roundup), added: added.length };
    },
    async clipThreadOf({ postId }) {
      const read = await threadOf(postId);
      const { roundup, added } = await store.clipAll(read);
      void copies.copyPosts(read.map((p) => p.id));
      return { ...state(added.length ? await changed(roundup) : roundup), added: added.length };
    },
    async clipLink({ url, pageUrl }) {
      const capturedAt = new Date().toISOString();
      let post = postFromLink(url, pageUrl ?? url, capturedAt);
      if (!post && blueskyPostLink(url)) {
        // Read whole from Bluesky's API; when it cannot be asked, a link naming its author's DID
        // is still kept, partial.
        const read = apis.bluesky ? await apis.bluesky.postOfLink(url, pageUrl ?? url) : { ok: false as const, error: t('blueskyCannotBeAsked') };
        post = read.ok ? read.value : blueskyPostFromLink(url, pageUrl ?? url, capturedAt);
        if (!post && !read.ok) throw new Refused(t('blueskyPostUnreadable', read.error));
      }
      if (!post && mastodonStatusLink(url)) {
        // Read whole from the instance the link names. Without its answer there is no post to
        // keep: its id is its address on its home instance, which the link may not be.
        const read = apis.mastodon ? await apis.mastodon.postOfLink(url, pageUrl ?? url) : { ok: false as const, error: t('mastodonCannotBeAsked') };
        if (!read.ok) throw new Refused(t('mastodonPostUnreadable', read.error));
        post = read.value;
      }
      if (!post) throw new Refused(t('notAPostLink'));
      // A richer copy clipped earlier (into any roundup) keeps all it has: a link tells less than the page did.
      const { roundup, added } = await store.clip(post);
      copyStored(post.id);
      return { ...state(added ? await changed(roundup) : roundup), added, postId: post.id };
    },
    // Kept copies of pictures (background/copies.ts, store/copies.ts).
    getCopiesSummary: () => store.copiesSummary(),
    async retryCopies() {
      return { trying: await copies.resume({ force: true }) };
    },
    // Publishing to the writer's WordPress site: background/publish.ts.
    ...createPublishHandlers(store, publishing),
    ...createInstanceHandlers(apis.instances, apis.mastodon),
  };
}
