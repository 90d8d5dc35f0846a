// The export preview's policy (see preview-doc.ts), apart so the editor carries it without
// the preview's renderer: it loads nothing, and only inline styles apply.
export const PREVIEW_CSP = "default-src 'none'; style-src 'unsafe-inline'";
