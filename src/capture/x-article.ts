// X Articles (long-form posts): a title and a Draft.js body instead of `tweetText`.
// Text = title, blank line, then the body's blocks separated by blank lines; list items
// get "- " / "1. " and sit on consecutive lines, code blocks keep their lines.
import type { Segment } from '../model/post';
import { tid } from './x-dom';
import { tidy, walkInto } from './x-text';

export function readArticle(scope: Element, pageUrl: string): Segment[] | null {
  const title = scope.querySelector(tid('twitter-article-title'));
  const body = scope.querySelector(tid('longformRichTextComponent'));
  if (!title && !body) return null;
  const out: Segment[] = [];
  if (title) out.push({ kind: 'text', text: (title.textContent ?? '').trim() });
  if (body) {
    const blocks = Array.from(body.querySelectorAll('[data-block="true"]'));
    if (blocks.length === 0) {
      if (out.length) out.push({ kind: 'text', text: '\n\n' });
      walkInto(body, out, pageUrl);
    }
    let prevItem = false;
    blocks.forEach((b) => {
      const item = b.tagName.toUpperCase() === 'LI';
      if (out.length) out.push({ kind: 'text', text: item && prevItem ? '\n' : '\n\n' });
      if (item) out.push({ kind: 'text', text: listMarker(b) });
      readBlock(b, out, pageUrl);
      prevItem = item;
    });
  }
  return tidy(out);
}

function listMarker(li: Element): string {
  const list = li.parentElement;
  if (list?.tagName.toUpperCase() !== 'OL') return '- ';
  return `${Array.from(list.children).indexOf(li) + 1}. `;
}

function readBlock(b: Element, out: Segment[], pageUrl: string): void {
  const code = b.querySelector(`${tid('markdown-code-block')} pre, pre`);
  if (code) {
    // The block's header ("markdown", a copy button) is chrome, not content.
    out.push({ kind: 'text', text: (code.textContent ?? '').replace(/^\n+|\n+$/g, '') });
    return;
  }
  const before = out.length;
  walkInto(b, out, pageUrl);
  // Block text is one line of words: collapse stray line breaks at its ends only.
  const first = out[before];
  if (first?.kind === 'text') first.text = first.text.replace(/^\s+/, '');
  const last = out[out.length - 1];
  if (out.length > before && last?.kind === 'text') last.text = last.text.replace(/\s+$/, '');
}
