// File names for downloads: a slug of the title that every OS accepts.

// Names Windows refuses whatever the extension ("con.html" cannot be created).
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;
const MAX_SLUG = 60;

/** Letters and digits of any script kept (a Japanese title stays Japanese), the rest `-`. */
export function slug(title: string): string {
  const s = title
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '') // accents off: "café" → "cafe"
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  const cut = [...s].slice(0, MAX_SLUG).join('').replace(/-+$/, '');
  return WINDOWS_RESERVED.test(cut) ? `${cut}-roundup` : cut;
}

export function fileName(title: string, extension: string): string {
  return `${slug(title) || 'roundup'}.${extension}`;
}
