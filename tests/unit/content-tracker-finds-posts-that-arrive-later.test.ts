// @vitest-environment happy-dom
// The post tracker: posts on the page at start and those that arrive later (a timeline cell,
// a post inside the photo viewer's conversation) are each reported once with their id, ads
// and the viewer's wrapper are not, and a post X fills in late is reported once it has its link.
import { afterEach, describe, expect, it } from 'vitest';
import { trackPosts } from '../../src/content/posts';

const controllers: AbortController[] = [];
afterEach(() => {
  for (const c of controllers.splice(0)) c.abort();
  document.body.replaceChildren();
});

const article = (id: string, extra = '') =>
  `<article data-testid="tweet"><div data-testid="User-Name"><a href="/a/status/${id}"><time datetime="2024-05-01T10:00:00.000Z">May 1</time></a></div>${extra}</article>`;
const cell = (html: string) => {
  const div = document.createElement('div');
  div.setAttribute('data-testid', 'cellInnerDiv');
  div.innerHTML = html;
  return div;
};
const frames = () => new Promise((r) => setTimeout(r, 50)); // past the next animation frame

function track() {
  const seen: string[] = [];
  const controller = new AbortController();
  controllers.push(controller);
  const tracker = trackPosts(controller.signal, (_post, postId) => seen.push(postId));
  return { seen, tracker };
}

describe('the post tracker', () => {
  it('reports the posts there at start, then each new timeline cell\'s post once', async () => {
    document.body.append(cell(article('1')));
    const { seen, tracker } = track();
    expect(seen).toEqual(['x:1']);
    document.body.append(cell(article('2')), cell(article('3')));
    await frames();
    expect(seen).toEqual(['x:1', 'x:2', 'x:3']);
    expect(tracker.elementsOf('x:2')).toHaveLength(1);
  });

  it('finds new posts added inside the photo viewer\'s wrapper, never the wrapper itself', async () => {
    const wrapper = document.createElement('div');
    wrapper.setAttribute('data-testid', 'tweet');
    wrapper.append(cell(article('10')));
    document.body.append(wrapper);
    const { seen } = track();
    expect(seen).toEqual(['x:10']);
    wrapper.append(cell(article('11')));
    await frames();
    expect(seen).toEqual(['x:10', 'x:11']);
  });

  it('gives a post element X reuses for another post its new id', async () => {
    const c = cell(article('30'));
    document.body.append(c);
    const { seen, tracker } = track();
    c.querySelector('[data-testid="User-Name"]')!.replaceWith(cell(article('31')).querySelector('[data-testid="User-Name"]')!);
    await frames();
    expect(seen).toEqual(['x:30', 'x:31']);
    const post = c.querySelector('article')!;
    expect(tracker.idOf(post)).toBe('x:31');
    expect(tracker.elementsOf('x:31')).toEqual([post]);
    expect(tracker.elementsOf('x:30')).toEqual([]);
  });

  it('skips an ad, and reports a post X fills in late once its link arrives', async () => {
    const { seen } = track();
    document.body.append(cell(`<div data-testid="placementTracking">${article('20')}</div>`));
    const late = cell('<article data-testid="tweet"><div data-testid="tweetText">Loading</div></article>');
    document.body.append(late);
    await frames();
    expect(seen).toEqual([]);
    late.querySelector('article')!.insertAdjacentHTML('afterbegin', '<div data-testid="User-Name"><a href="/a/status/21"><time datetime="2024-05-01T10:00:00.000Z">May 1</time></a></div>');
    await frames();
    expect(seen).toEqual(['x:21']);
  });
});
