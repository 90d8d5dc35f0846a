// @vitest-environment happy-dom
// The editor shows a post's link card under its words as one link (title, then the muted
// domain), describes the card's picture in words and loads nothing from the network.
import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { LinkCard } from '../../src/model/post';
import { PostCard } from '../../src/popup/PostCard';
import { makePost } from './helpers/posts';

afterEach(cleanup);

const CARD: LinkCard = {
  url: 'https://t.co/j64CpIysH1',
  title: "What if you don't need MCP at all?",
  domain: 'mariozechner.at',
  image: { url: 'https://pbs.twimg.com/card_img/1/a' },
};

function cardOf(card: LinkCard, quoted = false): HTMLElement | null {
  const post = quoted ? { ...makePost(1), quoted: { ...makePost(2), card } } : { ...makePost(1), card };
  const { container } = render(<PostCard post={post} />);
  expect(container.querySelector('img')).toBeNull();
  return container.querySelector('.post__card');
}

describe('the link card in the editor', () => {
  it('is one link after the words: title, then the domain in its own muted part', () => {
    const card = cardOf(CARD)!;
    expect(card.outerHTML).toBe(
      '<p class="post__card"><a href="https://t.co/j64CpIysH1" target="_blank" rel="noopener noreferrer">' +
        'What if you don\'t need MCP at all?<span class="post__card-domain"> mariozechner.at</span></a></p>',
    );
    expect(card.previousElementSibling?.className).toBe('post__text');
  });

  it('describes the picture by its alt text, when the page gave one', () => {
    const card = cardOf({ ...CARD, image: { url: CARD.image!.url, alt: 'A robot' } })!;
    expect(card.querySelector('.post__card-domain')?.textContent).toBe(' mariozechner.at · Photo: A robot');
  });

  it('without a title shows the domain (or else the address) as the link', () => {
    expect(cardOf({ url: CARD.url, domain: 'mariozechner.at' })!.innerHTML).toBe(
      '<a href="https://t.co/j64CpIysH1" target="_blank" rel="noopener noreferrer">mariozechner.at</a>',
    );
    expect(cardOf({ url: CARD.url })!.textContent).toBe('https://t.co/j64CpIysH1');
  });

  it('an address that is not a web link shows as words, not a link', () => {
    expect(cardOf({ ...CARD, url: 'javascript:alert(1)' })!.innerHTML).toBe(
      'What if you don\'t need MCP at all?<span class="post__card-domain"> mariozechner.at</span>',
    );
  });

  it('shows a quoted post\'s card inside the quoted post', () => {
    const card = cardOf(CARD, true)!;
    expect(card.closest('.post--quoted')).not.toBeNull();
  });
});
