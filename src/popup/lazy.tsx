// A view whose code loads only when it is first shown: Export, Roundups and Trash. build.mjs
// splits the editor's pages, so each such view is a chunk of its own and the editor's first
// screen parses none of it (popup.js's budget counts only what loads at once). Loaded once,
// the view shows at once ever after. Should its chunk fail to load (the extension updated
// while the editor was open), the view says so; the words typed are untouched.
import { h, type ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../platform/i18n';

export function lazy<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  return function LazyView(props: P) {
    const [view, setView] = useState<{ View: ComponentType<P> } | null>(() => (loaded ? { View: loaded } : null));
    const [failed, setFailed] = useState('');
    useEffect(() => {
      if (view) return;
      let live = true;
      (loading ??= load().then((v) => (loaded = v))).then(
        (View) => live && setView({ View }),
        (e: Error) => {
          loading = undefined; // asked again next time the view opens
          if (live) setFailed(e.message);
        },
      );
      return () => void (live = false);
    }, []); // eslint-disable-line react-hooks/exhaustive-deps -- loads once
    if (failed) return <p class="save save--error" role="alert">{t('viewDidNotLoad', failed)}</p>;
    return view ? h(view.View, props) : null;
  };
}
