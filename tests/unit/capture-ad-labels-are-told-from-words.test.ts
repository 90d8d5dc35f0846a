// isPromoted's label check runs on every post X adds to the page, so it first counts the
// labels in texts read whole, and walks the spans only when a label occurs outside the
// post's own words. Constructed posts (X's shape, reduced): the sieve must never hide a real
// label, wherever it sits and whatever it runs into, and must let authors' words through.
import { afterAll, describe, expect, it } from 'vitest';
import { isPromoted } from '../../src/capture';
import { closeFixtures, parseHtml } from './helpers/capture-fixture';

afterAll(closeFixtures);

/** A post with its name, its words, and `extra` markup after the name. */
function post({ name = 'Jane', words = 'Hello', extra = '', quoted = '' }: { name?: string; words?: string; extra?: string; quoted?: string }): Element {
  const doc = parseHtml(
    '<article data-testid="tweet"><div data-testid="User-Name"><span>' + name + '</span><a href="/jane/status/1"><time>2h</time></a></div>' +
      extra + '<div data-testid="tweetText"><span>' + words + '</span></div>' + quoted + '</article>',
  );
  return doc.querySelector('article')!;
}

describe('an ad label, told from the words around it', () => {
  it('an author who writes "Add" or is called "Adam" is no ad, nor one whose quoted post says "Ad"', () => {
    expect(isPromoted(post({ name: 'Adam', words: 'Add this to your reading list. Ad hoc, Ad Astra.' }))).toBe(false);
    expect(isPromoted(post({ quoted: '<div data-testid="tweetText"><span>Ad</span></div>' }))).toBe(false);
    expect(isPromoted(post({ words: 'Anzeige', extra: '<div data-testid="socialContext"><span>Anzeige</span></div>' }))).toBe(false);
  });

  it('a lone label outside the words is found, even run into the name and words beside it', () => {
    expect(isPromoted(post({ extra: '<div><span>Ad</span></div>' }))).toBe(true);
    expect(isPromoted(post({ name: 'Adam', words: 'Ad', extra: '<div><span>Ad</span></div>' }))).toBe(true);
    expect(isPromoted(post({ words: 'lowercase start', extra: '<div><span>Anzeige</span></div>' }))).toBe(true);
    expect(isPromoted(post({ words: 'これは広告の話', extra: '<div><span>広告</span></div>' }))).toBe(true);
  });

  it('a label word inside a longer text outside the words is not a label', () => {
    expect(isPromoted(post({ extra: '<div><span>Ad-free for a week</span></div>' }))).toBe(false);
  });
});
