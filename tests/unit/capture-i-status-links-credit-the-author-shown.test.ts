// `/i/status/<id>` and `/i/web/status/<id>` are X's author-less post links: "i" is not a user.
// A post whose permalink has that form is credited to the author its own author line shows, with
// that author's permalink; a bare link of that form credits no one.
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { capturePosts, postFromLink, postIdOfLink } from '../../src/capture';
import { profileHandle, statusRef } from '../../src/capture/x-dom';
import { closeFixtures, parseHtml } from './helpers/capture-fixture';

afterAll(closeFixtures);

const PAGE = 'https://x.com/home';
const ID = '1852311426666537322';
/** A real timeline post (a repost by its own author) with its links rewritten to `/i/…/status/<id>`. */
function realPostLinkedAs(path: string) {
  const html = readFileSync(new URL('../fixtures/x/twittermediaharvest/timeline.html', import.meta.url), 'utf8')
    .replaceAll(`/birdman46049238/status/${ID}`, `${path}/status/${ID}`);
  return capturePosts(parseHtml(html, PAGE), PAGE, () => 'NOW');
}

describe('a post whose only permalink is /i/status/<id>', () => {
  it.each(['/i', '/i/web'])('%s/status/<id>: credited to the author its author line shows, with their permalink', (path) => {
    const [post] = realPostLinkedAs(path);
    expect(post).toMatchObject({
      id: `x:${ID}`,
      url: `https://x.com/birdman46049238/status/${ID}`,
      author: { name: 'birdman🦊', handle: 'birdman46049238', profileUrl: 'https://x.com/birdman46049238' },
    });
  });

  it('with no author line to read, is credited to no one (never to "@i") and marked partial', () => {
    const html = `<body><article data-testid="tweet">
      <a href="/i/status/123"><time datetime="2024-05-01T10:00:00.000Z">May 1</time></a>
      <div data-testid="tweetText" lang="en"><span>Hello</span></div></article></body>`;
    const [post] = capturePosts(parseHtml(html, PAGE), PAGE, () => 'NOW');
    expect(post).toMatchObject({ id: 'x:123', url: 'https://x.com/i/web/status/123', author: { handle: '' }, partial: true });
    expect(post?.author.profileUrl).toBeUndefined();
  });
});

describe('a bare /i/status/<id> link', () => {
  it('names the post but no author, and links to the form X serves for any post; real handles keep theirs', () => {
    expect(statusRef('https://x.com/i/status/123', PAGE)).toEqual({ id: '123', handle: '', url: 'https://x.com/i/web/status/123' });
    expect(statusRef('/i/web/status/123/photo/1', PAGE)).toEqual({ id: '123', handle: '', url: 'https://x.com/i/web/status/123' });
    expect(postIdOfLink('https://twitter.com/i/status/123')).toBe('x:123');
    const post = postFromLink('https://x.com/i/status/123', 'https://example.org/news', 'NOW');
    expect(post).toMatchObject({ id: 'x:123', url: 'https://x.com/i/web/status/123', author: { name: '', handle: '' }, partial: true });
    expect(post?.author.profileUrl).toBeUndefined();
    // Real handles that start with "i" are untouched, and "/i" is still no profile.
    expect(statusRef('/ian/status/9', PAGE)).toMatchObject({ handle: 'ian', url: 'https://x.com/ian/status/9' });
    expect(statusRef('/I_/status/9', PAGE)).toMatchObject({ handle: 'I_' });
    expect(profileHandle('/i', PAGE)).toBeNull();
    expect(profileHandle('https://x.com/i/', PAGE)).toBeNull();
    expect(profileHandle('/ian', PAGE)).toBe('ian');
  });
});
