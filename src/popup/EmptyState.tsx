// An empty roundup teaches how posts get in: the four ways to clip, with the shortcuts the
// user actually has (read from the browser, since they can be changed).
import { useEffect, useState } from 'preact/hooks';
import type { Shortcut } from './host';

interface Props {
  shortcuts(): Promise<Shortcut[]>;
  shortcutSettings: string;
}

export function EmptyState({ shortcuts, shortcutSettings }: Props) {
  const [keys, setKeys] = useState<Shortcut[]>([]);
  useEffect(() => {
    shortcuts().then(setKeys, () => setKeys([]));
  }, [shortcuts]);
  return (
    <section class="empty" aria-labelledby="empty-heading">
      <h3 id="empty-heading">No posts in this roundup yet</h3>
      <p>Open x.com and clip the posts worth talking about. They appear here in the order you clip them.</p>
      <ul>
        <li>
          <strong>Clip button</strong>: press “Clip post” in a post's action bar. Press it again to take the post out.
        </li>
        <li>
          <strong>Select mode</strong>: pick several posts at once by clicking them, then finish.
        </li>
        <li>
          <strong>Context menu</strong>: right-click a post's link and choose “Clip this post”.
        </li>
        <li>
          <strong>Shortcut</strong>: clip the post you are reading without reaching for the mouse.
        </li>
      </ul>
      {keys.length > 0 && (
        <>
        <h4>Keyboard shortcuts</h4>
        <dl class="shortcuts">
          {keys.map((k) => (
            <div key={k.description}>
              <dt>{k.description}</dt>
              <dd>{k.shortcut ? <kbd>{k.shortcut}</kbd> : 'not set'}</dd>
            </div>
          ))}
        </dl>
        </>
      )}
      <p class="hint">Change the shortcuts at {shortcutSettings}.</p>
    </section>
  );
}
