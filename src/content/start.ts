// The content script's work on any network's pages, whichever entry started it (index.ts on X
// and Bluesky, mastodon.ts on the Mastodon instances the writer enabled): what differs between
// the networks comes from the page's adapter (network.ts). Features start with an AbortSignal
// so a re-injected script (extension update) can take the old one's place cleanly.
import { send } from '../platform/messaging';
import { createClipBook, isClipSnapshot } from './clip-book';
import { createClipButtons } from './clip-buttons';
import { createClipping } from './clipping';
import { createThreadButton } from './clip-thread';
import { listenToBackground } from './inbox';
import { inlineButtonsOn, type NetworkAdapter } from './network';
import { removeNotice, showNotice } from './notice';
import { retry } from './retry';
import { installPageStyle } from './page-style';
import { trackPosts } from './posts';
import { showNewPost } from './show-post';
import { createSelectMode } from './select-mode';
import { watchTheme } from './theme';
import { t } from '../platform/i18n';

/** Stops the script already on this page (an older copy, or the other entry), and returns this one's signal. */
export function takeOver(): AbortSignal {
  const KEY = '__roundupContent';
  const global = globalThis as typeof globalThis & { [KEY]?: AbortController };
  global[KEY]?.abort();
  const controller = new AbortController();
  global[KEY] = controller;
  return controller.signal;
}

export function start(signal: AbortSignal, network: NetworkAdapter): void {
  const style = installPageStyle(signal);
  watchTheme(signal, (theme) => style.setTheme(theme));
  const book = createClipBook();
  const buttons = createClipButtons(signal, (post, postId, keyboard) => void clipping.toggle(post, postId, { keyboard }), book.has, {}, network.buttonPlace);
  const threadButton = createThreadButton(network, (text, options) => showNotice(text, options));
  const tracker = trackPosts(signal, (post, postId) => {
    showNewPost(book, buttons, post, postId);
    threadButton(post, postId);
  }, network);
  const clipping = createClipping(book, tracker, buttons, showNotice, network.capturePost);
  book.onChange((changed) => clipping.render(changed));
  const select = createSelectMode(signal, tracker, clipping, book);
  const allPosts = () => Array.from(document.querySelectorAll('[data-roundup-post]'));

  let heard = false; // a snapshot arrived: no need to keep asking for one
  listenToBackground(signal, {
    clipsChanged: ({ snapshot }) => {
      if (isClipSnapshot(snapshot)) {
        heard = true;
        book.apply(snapshot);
      }
      return null;
    },
    settingsChanged: ({ inlineButtons }) => {
      buttons.setEnabled(inlineButtonsOn(inlineButtons, network.site), allPosts());
      return null;
    },
    selectMode: ({ on }) => {
      select.set(typeof on === 'boolean' ? on : !select.isOn());
      return { on: select.isOn() };
    },
    clipFocused: async () => {
      const post = tracker.postOf(document.activeElement);
      const postId = post && tracker.idOf(post);
      if (!post || !postId) {
        // X and Mastodon move between posts with j and k; bsky.app's posts take focus with Tab.
        showNotice(t(network.site === 'bluesky' ? 'noFocusBluesky' : 'noFocusX'));
        throw new Error('no post has focus');
      }
      const result = await clipping.toggle(post, postId, { keyboard: true });
      if (result === null) throw new Error('the post could not be clipped');
      if (result.clipped) showNotice(t('clippedToRoundup'), { ms: 2000 }); // a removal has its own notice
      return { postId, clipped: result.clipped };
    },
    clipPostById: async ({ postId }) => {
      const post = tracker.elementsOf(String(postId))[0];
      if (!post) return { found: false };
      await clipping.add(post, String(postId));
      showNotice(t('clippedToRoundup'), { ms: 2000 });
      return { found: true };
    },
  });

  // What to show comes from the background once; from then on it tells this tab of changes.
  // The clips are asked for until they come: without them no post shows as clipped.
  send('getSettings', {}).then(
    (settings) => buttons.setEnabled(inlineButtonsOn(settings.inlineButtons, network.site), allPosts()),
    () => buttons.setEnabled(true, allPosts()), // unreachable background: buttons still work once it is back
  );
  void retry(() => send('getClips', {}), signal, { done: () => heard }).then((snapshot) => {
    if (snapshot) book.apply(snapshot);
  });
  signal.addEventListener('abort', () => {
    buttons.removeAll();
    removeNotice();
  });
}
