// Chrome's offscreen document (offscreen.html): the DOM a service worker lacks. The background
// opens it to read a Mastodon status's HTML (platform/offscreen.ts) and closes it when idle.
// Offscreen documents have only `chrome.runtime` of the extension APIs: no polyfill here.
import { answerOffscreenMessage, type OffscreenSender } from './read-status';

interface Runtime {
  id: string;
  onMessage: {
    addListener(listener: (message: unknown, sender: OffscreenSender, sendResponse: (answer: unknown) => void) => boolean | undefined): void;
  };
}

const runtime = (globalThis as unknown as { chrome: { runtime: Runtime } }).chrome.runtime;

runtime.onMessage.addListener((message, sender, sendResponse) => {
  const answer = answerOffscreenMessage(message, sender, runtime.id);
  if (answer === undefined) return false; // not ours: no answer from this page
  sendResponse(answer);
  return false;
});
