// The Host as the browser provides it: shortcuts from the manifest's commands (read at run
// time, so the ones the user changed show), a tab for long writing, the options page.
import { browser } from '../platform';
import { askToLoadPictures } from '../platform/permissions';
import type { Home, Host, Shortcut } from './host';

const isFirefox = () => browser.runtime.getURL('').startsWith('moz-extension:');

export function browserHost(home: Home): Host {
  return {
    home,
    shortcutSettings: isFirefox() ? 'about:addons → ⚙ → Manage Extension Shortcuts' : 'chrome://extensions/shortcuts',
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
    allowPictures: askToLoadPictures,
  };
}
