// A live preview of an HTML or WordPress export, as a reader's browser lays it out. See
// preview-doc.ts for why nothing in it can run or load. `sandbox` and `csp` come before
// `srcdoc`, so the document is never loaded without them.
import type { ExportInput } from '../../export';
import { PREVIEW_CSP } from './preview-csp';
import type { FilesModule } from './use-export-file';

// Chromium's `csp` attribute (CSP Embedded Enforcement) holds the frame to the policy even
// before its own <meta> is read; other browsers ignore it and rely on the <meta>. Not in
// Preact's attribute types, hence the spread.
const EMBEDDED_CSP: Record<string, string> = { csp: PREVIEW_CSP };

/** `files`: the export code (the preview's document is made there, see preview-doc.ts). */
export function ExportPreview({ format, input, files }: { format: 'html' | 'wordpress'; input: ExportInput; files: FilesModule }) {
  const doc = files.previewDocument(files.previewHtml(format, input));
  return <iframe class="export__preview" title="Export preview" sandbox="" {...EMBEDDED_CSP} srcdoc={doc} />;
}
