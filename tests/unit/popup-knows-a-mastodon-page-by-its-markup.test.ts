// @vitest-environment happy-dom
// The popup offers "Clip posts on <host>" only over a page that looks like Mastodon's web app —
// read in the page itself, so opening the popup over any other site asks that site nothing.
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';

vi.mock('../../src/platform', () => ({ browser: {} }));
vi.mock('../../src/platform/permissions', () => ({ askToLoadPictures: async () => false }));
vi.mock('../../src/platform/instances', () => ({ askToRunOn: async () => false }));
const { looksLikeMastodon } = await import('../../src/popup/browser-host');

const page = (html: string) => {
  document.documentElement.innerHTML = new DOMParser().parseFromString(html, 'text/html').documentElement.innerHTML;
};

describe("a page that looks like Mastodon's web app", () => {
  it("is known by the element the app mounts into, or the state it starts from", () => {
    page(readFileSync('tests/fixtures/mastodon/pages/constructed-home-timeline.html', 'utf8'));
    expect(looksLikeMastodon()).toBe(true);
    page('<head><script id="initial-state" type="application/json">{"meta":{}}</script></head><body><div class="app-holder"></div></body>');
    expect(looksLikeMastodon()).toBe(true);
  });

  it('a blog, X, or a page that only names Mastodon is not', () => {
    for (const html of [
      '<body><article><h1>Why I left for Mastodon</h1><a href="https://mastodon.social/@a/1">a post</a></article></body>',
      '<body><div id="react-root"></div></body>', // x.com's app
      '<body><script id="initial-state" type="text/plain">not the app</script></body>',
    ]) {
      page(html);
      expect(looksLikeMastodon(), html).toBe(false);
    }
  });

  it('uses nothing from outside itself (it is sent to the page as its source)', () => {
    expect(looksLikeMastodon.toString()).not.toMatch(/\b(?:browser|chrome|import|require)\b/);
  });
});
