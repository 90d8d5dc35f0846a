// Links as readers meet them: only to real web hosts, and in plain text the address X
// showed when X hid it behind t.co, the full target otherwise.
import { describe, expect, it } from 'vitest';
import { renderExport } from '../../src/export';
import { safeUrl } from '../../src/export/escape';
import { hostileInput } from '../golden/export-hostile';

describe('safeUrl', () => {
  it.each(['https://"/', 'https://&lt;/', "https://a'b/", 'https://a b/'])('refuses %s: no site has that host', (url) => {
    expect(safeUrl(url)).toBeNull();
  });

  it.each([
    ['https://example.com/a?b=1&c=2#d', 'https://example.com/a?b=1&c=2#d'],
    ['https://bücher.example/', 'https://xn--bcher-kva.example/'],
    ['http://127.0.0.1:8080/x', 'http://127.0.0.1:8080/x'],
    ['https://[::1]/', 'https://[::1]/'],
    ['https://en.wikipedia.org/wiki/O\'Brien', 'https://en.wikipedia.org/wiki/O\'Brien'],
  ])('keeps %s', (url, href) => {
    expect(safeUrl(url)).toBe(href);
  });
});

describe('plain text links', () => {
  const textWithLink = (text: string, href: string): string => {
    const input = hostileInput(null, '');
    input.posts['x:100']!.segments[1] = { kind: 'link', text, href };
    return renderExport('text', input);
  };

  it('shows the whole address X showed when the link goes through t.co', () => {
    expect(textWithLink('https://exxpress.marioslab.io', 'https://t.co/7o0O0yIwaI')).toContain('Hello see https://exxpress.marioslab.io and');
    expect(textWithLink('seigura.com/news/142041/', 'https://t.co/1m1batK6xP')).toContain('Hello see seigura.com/news/142041/ and');
  });

  it('shows the target when X shortened the address, or the link is not through t.co', () => {
    expect(textWithLink('example.org/patient-types…', 'https://t.co/abc')).toContain('Hello see https://t.co/abc and');
    expect(textWithLink('example.com', 'https://example.com/page?a=1')).toContain('Hello see https://example.com/page?a=1 and');
    expect(textWithLink('click here', 'https://t.co/abc')).toContain('Hello see https://t.co/abc and');
  });
});

it('Markdown keeps `&` in a link target as `&`, never an entity a reader decodes', () => {
  const input = hostileInput('linkHref', 'https://ok.example/?q=&lt;&a=1');
  expect(renderExport('markdown', input)).toContain('(https://ok.example/?q=\\&lt;\\&a=1)');
});
