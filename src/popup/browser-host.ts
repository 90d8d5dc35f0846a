// The Host as the browser provides it: shortcuts from the manifest's commands (read at run
// time, so the ones the user changed show), a tab for long writing, the options page.
import { browser } from '../platform';
import { askToLoadPictures } from '../platform/permissions';
import { askToRunOn } from '../platform/instance-permission';
import { t } from '../platform/i18n';
import { hasSidePanel, openSidePanel } from '../platform/side-panel';
import type { Home, Host, Shortcut } from './host';

/**
 * Whether the page is Mastodon's web app (and its forks'): the element it mounts into
 * (`#mastodon`) or the state it starts from (`script#initial-state`). Runs in the page,
 * serialised: it uses nothing from outside itself.
 */
export function looksLikeMastodon(): boolean {
  return document.getElementById('mastodon') !== null || document.querySelector('script#initial-state[type="application/json"]') !== null;
}

const isFirefox = () => browser.runtime.getURL('').startsWith('moz-extension:');

export function browserHost(home: Home): Host {
  return {
    home,
    shortcutSettings: isFirefox() ? t('firefoxShortcutSettings') : 'chrome://extensions/shortcuts',
    async shortcuts(): Promise<Shortcut[]> {
      // `commands` exists once the manifest declares some.
      const all = (await browser.commands?.getAll?.()) ?? [];
      return all
        .filter((c) => c.name !== '_execute_action' && c.name !== '_execute_browser_action')
        .map((c) => ({ description: c.description || c.name || '', shortcut: c.shortcut ?? '' }));
    },
    async openInTab(place) {
      await browser.tabs.create({ url: browser.runtime.getURL(`popup.html?home=tab#${place}`) });
      window.close();
    },
    openSettings: () => browser.runtime.openOptionsPage(),
    // The panel reads the roundup from the database, as a tab does. It opens first (the click's
    // gesture allows no await before it); the popup closes once its words are stored.
    ...(home !== 'panel' && hasSidePanel()
      ? {
          async openInPanel(settled: () => Promise<unknown>) {
            await openSidePanel();
            await settled();
            if (home === 'popup') window.close();
          },
        }
      : {}),
    allowPictures: askToLoadPictures,
    // The popup opens over a tab (activeTab lets it read that tab's address and look at its
    // page); a tab or panel editor has none of its own to offer. Only a page that looks like
    // Mastodon's web app is named: no other site is ever asked anything.
    async mastodonPage() {
      if (home !== 'popup') return null;
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      if (tab?.id === undefined || !tab.url?.startsWith('https://')) return null;
      const [seen] = await browser.scripting.executeScript({ target: { tabId: tab.id }, func: looksLikeMastodon }).catch(() => []);
      return seen?.result === true ? tab.url : null;
    },
    runOn: askToRunOn,
  };
}
