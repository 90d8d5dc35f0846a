// What each message does, in terms of the store. No browser APIs here: the caller passes in
// what to do after a change (badge, notifying views), so this is unit-testable.
import type { Roundup } from '../model/roundup';
import type { Stores } from '../store';
import type { Handlers } from './router';

export function createHandlers(
  store: Stores,
  onChange: (roundup: Roundup) => void | Promise<void>,
): Handlers {
  const changed = async (roundup: Roundup) => {
    await onChange(roundup);
    return roundup;
  };
  const state = (roundup: Roundup) => ({ roundupId: roundup.id, count: roundup.items.length });

  return {
    async toggleClip({ post }) {
      const current = await store.currentRoundup();
      if (current.items.some((item) => item.postId === post.id)) {
        return { ...state(await changed(await store.removeItem(current.id, post.id))), clipped: false };
      }
      const { roundup } = await store.clip(post);
      return { ...state(await changed(roundup)), clipped: true };
    },
    async clippedIds({ postIds }) {
      const current = await store.currentRoundup();
      const held = new Set(current.items.map((item) => item.postId));
      return { ...state(current), clipped: postIds.filter((id) => held.has(id)) };
    },
    async getCurrentRoundup() {
      return store.loadRoundup((await store.currentRoundup()).id);
    },
    async setRoundupText({ roundupId, field, value }) {
      const roundup = await changed(await store.setRoundupText(roundupId, field, value));
      return { updatedAt: roundup.updatedAt };
    },
    async setItemText({ roundupId, postId, field, value }) {
      const roundup = await changed(await store.setItemText(roundupId, postId, field, value));
      return { updatedAt: roundup.updatedAt };
    },
    async moveItem({ roundupId, postId, to }) {
      const roundup = await changed(await store.moveItem(roundupId, postId, to));
      return { postIds: roundup.items.map((item) => item.postId) };
    },
    async removeItem({ roundupId, postId }) {
      return state(await changed(await store.removeItem(roundupId, postId)));
    },
    getSettings: () => store.getSettings(),
    updateSettings: ({ patch }) => store.updateSettings(patch),
  };
}
