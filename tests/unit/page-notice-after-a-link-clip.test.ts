// @vitest-environment happy-dom
// The message a "Clip this post" click leaves on a page Roundup does not run on: the function
// the background runs there (serialised, so it uses nothing from outside itself). Text only,
// one at a time, gone after a few seconds.
import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../src/platform/index', () => ({ browser: {} }));
const { showPageNotice } = await import('../../src/platform/page-notice');

afterEach(() => {
  vi.useRealTimers();
  document.body.innerHTML = '';
  document.getElementById('roundup-page-notice')?.remove();
});

describe('the page notice of a link clip', () => {
  it('shows the text as text, replaces the one before, and goes after 8 seconds', () => {
    vi.useFakeTimers();
    showPageNotice('Clipped to your roundup.');
    showPageNotice('Roundup could not clip this post: <img src=x onerror=alert(1)>.');
    const hosts = document.querySelectorAll('#roundup-page-notice');
    expect(hosts).toHaveLength(1);
    // Closed shadow root: the page cannot read or restyle it; its text is what a screen reader gets.
    expect(hosts[0]!.shadowRoot).toBeNull();
    expect(document.querySelector('img')).toBeNull();
    vi.advanceTimersByTime(7_900);
    expect(document.getElementById('roundup-page-notice')).not.toBeNull();
    vi.advanceTimersByTime(200);
    expect(document.getElementById('roundup-page-notice')).toBeNull();
  });

  it('uses nothing from outside itself (it is sent to the page as its source)', () => {
    const source = showPageNotice.toString();
    // Every name it uses is its own or the page's.
    expect(source).not.toMatch(/\b(?:browser|chrome|import|require)\b/);
    const fresh = new Function(`return (${source})`)() as (t: string) => void;
    fresh('Clipped to your roundup.');
    expect(document.getElementById('roundup-page-notice')).not.toBeNull();
  });
});
