// The picture choice of the HTML, Markdown and WordPress exports: linked to X (the default,
// as before), or `media/<name>` files beside the export, named as the archive names them; a
// picture with no kept copy then shows as words. The names are stable and safe anywhere.
import { describe, expect, it } from 'vitest';
import { formatLabel } from '../../src/popup/format-label';
import MarkdownIt from 'markdown-it';
import { unzipSync } from 'fflate';
import { ALL_FORMATS, EXPORT_FORMATS, FILE_FORMATS, exportFileName, isExportFormat, renderExport, type ExportInput } from '../../src/export';
import { renderArchive } from '../../src/export/archive';
import { parseBackup } from '../../src/export/backup-import';
import { filesSource, mediaFileName, typeFromUrl } from '../../src/export/pictures';
import { DEFAULT_SETTINGS, EXPORT_FORMAT_IDS, parseSettingsPatch } from '../../src/model/settings';
import { allUrls, attr, copiesOf, elements, only, pictureInput, picturePost } from './helpers/export-pictures';

const md = new MarkdownIt();
const PICTURE_FORMATS = ['html', 'markdown', 'wordpress'] as const;

/** Every picture address an export names: <img src> for the HTML ones, image tokens for Markdown. */
function pictureAddresses(format: (typeof PICTURE_FORMATS)[number], output: string): string[] {
  if (format !== 'markdown') return elements(output).filter((e) => e.tagName === 'img').map((e) => attr(e, 'src')!);
  const out: string[] = [];
  const walk = (tokens: ReturnType<typeof md.parse>) => {
    for (const t of tokens) {
      if (t.type === 'image') out.push(String(t.attrGet('src')));
      if (t.children) walk(t.children);
    }
  };
  walk(md.parse(output, {}));
  return out;
}

const media = (input: ExportInput): string[] =>
  Object.values(input.posts).flatMap((p) => [...p.media, ...(p.quoted?.media ?? [])].map((m) => (m.kind === 'image' ? m.url : m.posterUrl!)));

describe('pictures linked to X (the default)', () => {
  it('is the default, and renders exactly as before the choice existed', () => {
    expect(DEFAULT_SETTINGS.pictures).toBe('x');
    const input = pictureInput(2);
    for (const format of PICTURE_FORMATS) {
      const out = renderExport(format, input);
      expect(out).toBe(renderExport(format, { ...input, settings: { ...input.settings, pictures: 'x' }, pictures: new Map() }));
      expect(pictureAddresses(format, out)).toEqual(media(input));
    }
  });
});

describe('pictures as files beside the export', () => {
  const input = pictureInput(2, { pictures: 'files' });
  const copies = copiesOf(allUrls(input));
  const zip = unzipSync(renderArchive(input, copies));

  it.each(PICTURE_FORMATS)('%s names each kept picture media/<name>, the very file the archive holds, and never X', (format) => {
    const out = renderExport(format, { ...input, pictures: copies });
    const addresses = pictureAddresses(format, out);
    expect(addresses).toHaveLength(media(input).length);
    for (const [i, address] of addresses.entries()) {
      const url = media(input)[i]!;
      expect(address).toBe(`media/${mediaFileName(url, copies.get(url)!.type)}`);
      expect(zip[address], address).toEqual(copies.get(url)!.bytes);
    }
    expect(out).not.toContain('pbs.twimg.com');
  });

  it.each(PICTURE_FORMATS)('%s shows a picture with no kept copy as words', (format) => {
    const kept = only(copies, (url) => url.includes('/media/'));
    const out = renderExport(format, { ...input, pictures: kept });
    expect(pictureAddresses(format, out)).toEqual(media(input).filter((u) => kept.has(u)).map((u) => `media/${mediaFileName(u, kept.get(u)!.type)}`));
    expect(out).not.toContain('pbs.twimg.com');
    const words = format === 'markdown' ? '\\[Video\\]' : '[Video]';
    expect(out).toContain(words);
    expect(out).toContain(format === 'markdown' ? '\\[GIF: A GIF 0\\]' : '[GIF: A GIF 0]');
  });

  it('with no copies given, every http(s) picture is taken as a file, typed by its URL', () => {
    const out = renderExport('html', input);
    expect(pictureAddresses('html', out)).toEqual(media(input).map((u) => `media/${mediaFileName(u, typeFromUrl(u))}`));
    expect(typeFromUrl('https://pbs.twimg.com/media/Q1?format=png&name=small')).toBe('image/png');
    expect(typeFromUrl('https://pbs.twimg.com/tweet_video_thumb/g1.jpg')).toBe('image/jpeg');
    expect(typeFromUrl('https://pbs.twimg.com/media/Q1.webp')).toBe('image/webp');
    expect(typeFromUrl('https://pbs.twimg.com/media/Q1?format=svg')).toBe('image/jpeg');
    expect(filesSource()('javascript:alert(1)')).toBeNull();
    expect(filesSource()(undefined)).toBeNull();
  });
});

describe('file names of pictures', () => {
  it('are stable, safe on every file system and in any link, one per URL, with the extension of the type', () => {
    const urls = allUrls(pictureInput(20));
    const names = urls.map((u) => mediaFileName(u, 'image/png'));
    expect(new Set(names).size).toBe(urls.length);
    for (const name of names) expect(name).toMatch(/^[a-z0-9][a-z0-9-]{0,40}\.png$/);
    expect(urls.map((u) => mediaFileName(u, 'image/png'))).toEqual(names);
    const photo = picturePost(0).media[0]!.url;
    expect(mediaFileName(photo, 'image/jpeg')).toMatch(/^p0a-[0-9a-z]{11}\.jpg$/);
    expect(mediaFileName(photo, 'image/webp')).toMatch(/\.webp$/);
    for (const hostile of ['https://x.example/../../etc/passwd', 'https://x.example/CON', 'https://x.example/%2e%2e%2f', 'not a url', 'https://x.example/' + 'é'.repeat(300)]) {
      expect(mediaFileName(hostile, 'image/gif')).toMatch(/^[a-z0-9][a-z0-9-]{0,40}\.gif$/);
    }
  });
});

describe('the setting', () => {
  it('is checked like every setting, and a backup carries it; a backup made before it reads as linked to X', () => {
    expect(parseSettingsPatch({ pictures: 'files' })).toEqual({ ok: true, value: { pictures: 'files' } });
    expect(parseSettingsPatch({ pictures: 'cdn' })).toEqual({ ok: false, error: 'settings.pictures must be one of x, files' });
    const withFiles = parseBackup(renderExport('json', pictureInput(1, { pictures: 'files' })));
    expect(withFiles.ok && withFiles.data.settings.pictures).toBe('files');
    const old = JSON.parse(renderExport('json', pictureInput(1)));
    delete old.settings.pictures;
    const read = parseBackup(JSON.stringify(old));
    expect(read.ok && read.data.settings.pictures).toBe('x');
    old.settings.pictures = 'cdn';
    expect(parseBackup(JSON.stringify(old))).toEqual({ ok: false, error: 'settings.pictures is not one of "x", "files"' });
  });
});

describe('the formats', () => {
  it('offer the page and the archive after the text formats, with their own file names', () => {
    expect(ALL_FORMATS.map((f) => formatLabel(f.id))).toEqual(['HTML', 'Markdown', 'WordPress', 'Plain text', 'JSON backup', 'Web page (self-contained)', 'Archive (.zip)']);
    expect(EXPORT_FORMATS.map((f) => f.id)).toEqual(['html', 'markdown', 'wordpress', 'text', 'json']);
    expect(FILE_FORMATS.map((f) => f.id)).toEqual(['page', 'zip']);
    expect(EXPORT_FORMAT_IDS).toEqual(ALL_FORMATS.map((f) => f.id));
    expect(isExportFormat('zip')).toBe(true);
    expect(exportFileName('My roundup', 'page')).toBe('my-roundup.page.html');
    expect(exportFileName('My roundup', 'zip')).toBe('my-roundup.zip');
    expect(new Set(ALL_FORMATS.map((f) => f.extension)).size).toBe(ALL_FORMATS.length);
  });
});
