// "Send to WordPress": the roundup as a draft on the writer's own site (background/publish.ts
// does the sending). Beside the export, since it sends the WordPress export. The roundup keeps
// the draft it was sent to: sending again updates it, and "Open in WordPress" opens its edit
// screen. The browser's permission to reach the site is asked here, straight from the click.
import { useEffect, useState } from 'preact/hooks';
import type { Post } from '../../model/post';
import type { Roundup } from '../../model/roundup';
import type { ExportSettings } from '../../export/types';
import type { PublishState } from '../../publish/types';
import type { Ask } from './ask';
import type { FilesModule } from './use-export-file';
import { plural, t } from '../../platform/i18n';

/** The site's host permission, as this view needs it (platform/site-permissions.ts in the browser). */
export interface SendAccess {
  /** Asks for the site's permission; call it straight from the click. True when granted (at once if it was). */
  request(siteUrl: string): Promise<boolean>;
}

/** Loaded when the view opens, not at import (tests import the view without a browser), and ready before a click. */
async function browserAccess(): Promise<SendAccess> {
  const { askToSendTo } = await import('../../platform/site-permissions');
  return { request: askToSendTo };
}

type Note = { text: string; error?: boolean };

interface Props {
  roundup: Roundup;
  posts: Record<string, Post>;
  settings: ExportSettings;
  /** The export code (null while it loads): it makes the draft's content. */
  files: FilesModule | null;
  ask: Ask;
  access?: Promise<SendAccess>;
}

export function SendToWordPress({ roundup, posts, settings, files, ask, access: accessPromise }: Props) {
  const [state, setState] = useState<PublishState | null>(null);
  const [access, setAccess] = useState<SendAccess | null>(null);
  const [sending, setSending] = useState(false);
  const [note, setNote] = useState<Note | null>(null);

  useEffect(() => {
    let live = true;
    const read = () =>
      ask('getPublishState', { roundupId: roundup.id }).then(
        (s) => live && setState(s),
        (e: Error) => live && setNote({ text: t('publishingUnavailable', e.message), error: true }),
      );
    void read();
    // A site saved (or removed) in Settings, in another tab, while this view stayed open.
    window.addEventListener('focus', read);
    return () => {
      live = false;
      window.removeEventListener('focus', read);
    };
  }, [ask, roundup.id]);

  useEffect(() => {
    let live = true;
    (accessPromise ?? browserAccess()).then((a) => live && setAccess(a), () => live && setAccess({ request: async () => false }));
    return () => {
      live = false;
    };
  }, [accessPromise]);

  const send = () => {
    const site = state?.site;
    if (!site) {
      setNote({ text: t('noSiteYet'), error: true });
      return;
    }
    if (!files || !access) return;
    // Straight from the click: the browser asks only during a user's gesture.
    const allowed = access.request(site.url);
    const request = files.wordPressDraft(roundup, posts, settings);
    setSending(true);
    setNote({ text: request.pictures.length ? plural('sendingWithPictures', request.pictures.length, site.url) : t('sendingTo', site.url) });
    allowed
      .then((granted) => {
        if (!granted) throw new Error(t('mayNotReachSend', new URL(site.url).origin));
        return ask('sendToWordPress', request);
      })
      .then(
        (report) => {
          setState({ site, draft: report.draft });
          setNote({ text: files.describeSend(report) });
        },
        (e: Error) => setNote({ text: e.message, error: true }),
      )
      .finally(() => setSending(false));
  };

  const draft = state?.draft;
  return (
    <div class="export__publish">
      <button type="button" onClick={send} disabled={sending || !state || (!!state.site && (!files || !access))} aria-describedby="send-to-wordpress-note">
        {t('sendToWordPress')}
      </button>
      {draft && (
        <a href={draft.editUrl} target="_blank" rel="noopener noreferrer">
          {t('openInWordPress')}
        </a>
      )}
      {/* The status and the error apart: a region whose role changes is not announced reliably. An
          alert is announced when it appears, so it is there only while there is something wrong. */}
      <p id="send-to-wordpress-note" class="export__message" role="status">
        {note && !note.error ? note.text : !note && state?.site ? t(draft ? 'sendsDraftToAgain' : 'sendsDraftTo', state.site.url) : ''}
      </p>
      {note?.error && (
        <p id="send-to-wordpress-problem" class="export__message export__message--error" role="alert">
          {note.text}
        </p>
      )}
    </div>
  );
}
