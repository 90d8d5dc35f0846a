// An empty roundup teaches how posts get in: the four ways to clip, with the shortcuts the
// user actually has (read from the browser, since they can be changed).
import { useEffect, useState } from 'preact/hooks';
import type { Shortcut } from './host';
import { t } from '../platform/i18n';
import { ELEMENT, withElement } from './with-element';

interface Props {
  shortcuts(): Promise<Shortcut[]>;
  shortcutSettings: string;
}

/** The four ways to clip: each one's name (in bold, where its message puts it), and what it does. */
const WAYS = [
  ['emptyWayButton', 'emptyWayButtonText'],
  ['emptyWaySelect', 'emptyWaySelectText'],
  ['emptyWayMenu', 'emptyWayMenuText'],
  ['emptyWayShortcut', 'emptyWayShortcutText'],
] as const;

export function EmptyState({ shortcuts, shortcutSettings }: Props) {
  const [keys, setKeys] = useState<Shortcut[]>([]);
  useEffect(() => {
    shortcuts().then(setKeys, () => setKeys([]));
  }, [shortcuts]);
  return (
    <section class="empty" aria-labelledby="empty-heading">
      <h3 id="empty-heading">{t('emptyHeading')}</h3>
      <p>{t('emptyIntro')}</p>
      <ul>
        {WAYS.map(([way, text]) => (
          <li key={way}>{withElement(t(text, ELEMENT), <strong>{t(way)}</strong>)}</li>
        ))}
      </ul>
      {keys.length > 0 && (
        <>
        <h4>{t('keyboardShortcuts')}</h4>
        <dl class="shortcuts">
          {keys.map((k) => (
            <div key={k.description}>
              <dt>{k.description}</dt>
              <dd>{k.shortcut ? <kbd>{k.shortcut}</kbd> : t('shortcutNotSet')}</dd>
            </div>
          ))}
        </dl>
        </>
      )}
      <p class="hint">{t('changeShortcutsAt', shortcutSettings)}</p>
    </section>
  );
}
