// "Select posts": turns on select mode in the x.com tab, where a click on a post clips or
// unclips it. From the toolbar popup that is the active tab (the popup closes so the page can
// be clicked); from the editor in a tab or side panel, the x.com tab used last, brought forward.
import { useState } from 'preact/hooks';
import type { Tabs } from '../platform';
import { X_PAGE_PATTERNS } from '../capture/x-link';
import type { ContentMessage, ContentReply } from '../messages';
import type { Home } from './host';
import { t } from '../platform/i18n';

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
  if (tab?.id === undefined) return t('openXFirst');
  const message: ContentMessage<'selectMode'> = { type: 'selectMode', on: true };
  const reply = (await browser.tabs.sendMessage(tab.id, message, { frameId: 0 }).catch(() => undefined)) as
    | ContentReply<'selectMode'>
    | undefined;
  if (!reply?.ok) return t('notRunningInTab');
  if (home === 'popup') window.close(); // out of the way, so the page can be clicked
  else await browser.tabs.update(tab.id, { active: true });
  return null;
}

export function SelectModeButton({ home }: { home: Home }) {
  const [problem, setProblem] = useState<string | null>(null);
  const onClick = () => {
    startSelectMode(home).then(setProblem, (e: unknown) => setProblem(t('selectModeFailed', (e as Error).message)));
  };
  return (
    <span class="select-mode">
      <button type="button" title={t('selectPostsHint')} onClick={onClick}>
        {t('selectPosts')}
      </button>
      {problem && (
        <span class="select-mode__problem" role="alert">
          {problem}
        </span>
      )}
    </span>
  );
}
