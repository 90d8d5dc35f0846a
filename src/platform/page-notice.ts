// A short message on the page a "Clip this post" click came from, for pages Roundup's content
// script does not run on (any site with a link to a post): that the link was clipped, or why it
// could not be. The context-menu click grants activeTab for that tab, which lets the
// background run this one function there; it draws in a closed-off shadow root, as text only.
import { browser } from './index';
import { uiDirection, uiLanguage } from './i18n';

/** Shows `text` at the bottom of the tab's page for a few seconds; quietly nothing where the browser does not allow it. */
export async function sayOnPage(tabId: number, text: string, frameId = 0): Promise<void> {
  const args: [string, string, string] = [text, uiDirection(), uiLanguage()];
  await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, func: showPageNotice, args }).catch(() => {});
}

// Runs in the page's isolated world, serialised: it may use nothing from outside itself. The
// words keep their own language and direction (`dir`, `lang`), whatever the page's.
export function showPageNotice(text: string, dir = 'ltr', lang = 'en'): void {
  const ID = 'roundup-page-notice';
  document.getElementById(ID)?.remove();
  const host = document.createElement('div');
  host.id = ID;
  const root = host.attachShadow({ mode: 'closed' });
  const box = document.createElement('div');
  box.setAttribute('role', 'status');
  box.textContent = text;
  box.dir = dir;
  box.lang = lang;
  box.style.cssText = 'position:fixed;left:50%;bottom:24px;transform:translateX(-50%);z-index:2147483647;padding:10px 16px;border-radius:4px;'
    + 'max-width:min(90vw,480px);font:15px/1.3 -apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;'
    + 'color:#fff;background:rgb(29,155,240);box-shadow:0 0 8px rgba(0,0,0,.25);pointer-events:none';
  root.append(box);
  document.documentElement.append(host);
  setTimeout(() => host.remove(), 8_000);
}
