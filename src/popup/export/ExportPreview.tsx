// A live preview of an HTML or WordPress export, as a reader's browser lays it out. See
// preview-doc.ts for why nothing in it can run or load. `sandbox` and `csp` come before
// `srcdoc`, so the document is never loaded without them.
//
// The preview follows the item being edited: it scrolls to where that item begins. For that
// the editor reads the preview's layout, so the sandbox keeps the frame's origin
// (`allow-same-origin`) but grants nothing else — no scripts, forms, popups or navigation —
// and the policy still lets it load nothing. (Scripts with the same origin would be the danger;
// there are none.)
import { useEffect, useMemo, useRef } from 'preact/hooks';
import type { ExportInput } from '../../export';
import { itemAnchor } from './preview-anchor';
import { PREVIEW_CSP } from './preview-csp';
import type { FilesModule } from './use-export-file';
import { t } from '../../platform/i18n';

// Chromium's `csp` attribute (CSP Embedded Enforcement) holds the frame to the policy even
// before its own <meta> is read; other browsers ignore it and rely on the <meta>. Not in
// Preact's attribute types, hence the spread.
const EMBEDDED_CSP: Record<string, string> = { csp: PREVIEW_CSP };

/** The place being edited: an item (its post's id), or the roundup's top or end. */
export type PreviewFollow = { postId: string } | 'top' | 'end' | null;

/** Scrolls the preview so `follow` is at its top; nothing while its document is loading. */
function scrollTo(frame: HTMLIFrameElement, input: ExportInput, follow: PreviewFollow): void {
  const view = frame.contentWindow;
  const doc = frame.contentDocument;
  if (!follow || !view || !doc?.body) return;
  if (follow === 'top') return view.scrollTo(0, 0);
  if (follow === 'end') return view.scrollTo(0, doc.documentElement.scrollHeight);
  const index = input.roundup.items.findIndex((i) => i.postId === follow.postId);
  const anchor = index < 0 ? null : doc.getElementById(itemAnchor(index));
  if (anchor) view.scrollTo(0, anchor.getBoundingClientRect().top + view.scrollY - 8);
}

interface Props {
  format: 'html' | 'wordpress';
  input: ExportInput;
  /** `files`: the export code (the preview's document is made there, see preview-doc.ts). */
  files: FilesModule;
  follow?: PreviewFollow;
}

export function ExportPreview({ format, input, files, follow = null }: Props) {
  // Made again only when the export's input changes, not when the place being edited does.
  const doc = useMemo(() => files.previewDocument(files.previewHtml(format, input)), [files, format, input]);
  const frame = useRef<HTMLIFrameElement>(null);
  const key = follow && typeof follow === 'object' ? follow.postId : follow;
  useEffect(() => {
    const el = frame.current;
    if (!el) return;
    const go = () => scrollTo(el, input, follow);
    go(); // the place moved in the same document
    el.addEventListener('load', go); // a new document (the words changed): back to the place
    return () => el.removeEventListener('load', go);
  }, [doc, key]); // eslint-disable-line react-hooks/exhaustive-deps -- `follow` is read by its key
  return <iframe ref={frame} class="export__preview" title={t('exportPreview')} sandbox="allow-same-origin" {...EMBEDDED_CSP} srcdoc={doc} />;
}
