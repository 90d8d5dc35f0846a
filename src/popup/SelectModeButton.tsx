// "Select posts": turns on select mode in the x.com tab, where a click on a post clips or
// unclips it. From the toolbar popup that is the active tab (the popup closes so the page can
// be clicked); from the editor in a tab or side panel, the x.com tab used last, brought forward.
import { useState } from 'preact/hooks';
import type { Tabs } from '../platform';
import { X_PAGE_PATTERNS } from '../capture/x-link';
import type { ContentMessage, ContentReply } from '../messages';
import type { Home } from './host';

// Loaded on the first press, not with the editor: the editor's views are tested without a browser.
const api = async () => (await import('../platform')).browser;

async function xTab(): Promise<Tabs.Tab | undefined> {
  const browser = await api();
  const [active] = await browser.tabs.query({ active: true, currentWindow: true, url: X_PAGE_PATTERNS });
  if (active) return active;
  const all = await browser.tabs.query({ url: X_PAGE_PATTERNS });
  return all.sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))[0];
}

async function startSelectMode(home: Home): Promise<string | null> {
  const browser = await api();
  const tab = await xTab();
  if (tab?.id === undefined) return 'Open x.com in a tab first: select mode picks posts there.';
  const message: ContentMessage<'selectMode'> = { type: 'selectMode', on: true };
  const reply = (await browser.tabs.sendMessage(tab.id, message, { frameId: 0 }).catch(() => undefined)) as
    | ContentReply<'selectMode'>
    | undefined;
  if (!reply?.ok) return 'Roundup is not running in that x.com tab yet: reload the tab, then try again.';
  if (home === 'popup') window.close(); // out of the way, so the page can be clicked
  else await browser.tabs.update(tab.id, { active: true });
  return null;
}

export function SelectModeButton({ home }: { home: Home }) {
  const [problem, setProblem] = useState<string | null>(null);
  const onClick = () => {
    startSelectMode(home).then(setProblem, (e: unknown) => setProblem(`Select mode could not start: ${(e as Error).message}`));
  };
  return (
    <span class="select-mode">
      <button type="button" title="Then click posts on x.com to clip or unclip them (Esc to stop)" onClick={onClick}>
        Select posts
      </button>
      {problem && (
        <span class="select-mode__problem" role="alert">
          {problem}
        </span>
      )}
    </span>
  );
}
