// Loads a saved X page as an inert document: happy-dom with script evaluation and every
// resource load (scripts, CSS, iframes) off, so nothing in a saved page runs or fetches.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';

const FIXTURES = fileURLToPath(new URL('../../fixtures/x/', import.meta.url));

const windows: Window[] = [];

function newWindow(url: string): Window {
  const w = new Window({
    url,
    settings: {
      enableJavaScriptEvaluation: false,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableComputedStyleRendering: true,
      handleDisabledFileLoadingAsSuccess: true,
      navigation: { disableChildFrameNavigation: true, disableChildPageNavigation: true, disableMainFrameNavigation: true },
    },
  });
  windows.push(w);
  return w;
}

/** Parses HTML into a document (DOMParser: scripts never run in a parsed document). */
export function parseHtml(html: string, url = 'https://x.com/home'): Document {
  const w = newWindow(url);
  return new w.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

/** A fixture under tests/fixtures/x/, e.g. `tweetyoink/x-tweet-quote.html`. */
export function loadFixture(path: string, url?: string): Document {
  return parseHtml(readFileSync(FIXTURES + path, 'utf8'), url);
}

/** Closes every window opened by this module (call from afterAll). */
export async function closeFixtures(): Promise<void> {
  for (const w of windows.splice(0)) {
    await w.happyDOM.abort();
    await w.happyDOM.close();
  }
}

/** Whitespace-insensitive text, for fixtures that were pretty-printed upstream. */
export const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();
