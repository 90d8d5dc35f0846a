// The zip backup: backup.json, media.json and media/, read back whole, and hostile zips —
// made here with fflate as an attacker would — refused with the reason, before inflating
// anything they declare too big.
import { describe, expect, it } from 'vitest';
import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { renderExport } from '../../src/export';
import { parseBackup } from '../../src/export/backup-import';
import { BACKUP_ZIP_LIMITS, packBackupZip, unpackBackupZip, type MediaIndex } from '../../src/export/backup-zip';
import type { PictureBytes } from '../../src/model/media';
import { allUrls, bytesOf, copiesOf, pictureInput, text } from './helpers/export-pictures';

const input = pictureInput(2);
const json = renderExport('json', input);
const copies = copiesOf(allUrls(input));
const packed = packBackupZip(json, copies);

const index = (files: MediaIndex['files']): Uint8Array => strToU8(JSON.stringify({ format: 'roundup-media', version: 1, files }));
const entry = { name: 'face-abc.jpg', url: 'https://pbs.twimg.com/profile_images/1/face.jpg', type: 'image/jpeg' };
/** A zip of backup.json, an index of `entry` and its file, with `change` applied. */
function zip(change: (files: Zippable) => void = () => {}): Uint8Array {
  const files: Zippable = { 'backup.json': strToU8(json), 'media.json': index([entry]), [`media/${entry.name}`]: bytesOf(entry.url) };
  change(files);
  return zipSync(files);
}
const refused = (bytes: Uint8Array, limits = BACKUP_ZIP_LIMITS): string => {
  const result = unpackBackupZip(bytes, limits);
  expect('error' in result, JSON.stringify(Object.keys(result))).toBe(true);
  return (result as { error: string }).error;
};

describe('a zip backup', () => {
  it('holds backup.json, media.json and one file per picture, pictures stored as they are', () => {
    const files = unzipSync(packed);
    expect(text(files['backup.json'])).toBe(json);
    const listed = JSON.parse(text(files['media.json'])) as MediaIndex;
    expect(listed).toMatchObject({ format: 'roundup-media', version: 1 });
    expect(listed.files.map((f) => f.url).sort()).toEqual([...copies.keys()].sort());
    for (const f of listed.files) {
      expect(files[`media/${f.name}`]).toEqual(copies.get(f.url)!.bytes);
      expect(f.type).toBe(copies.get(f.url)!.type);
    }
    unzipSync(packed, { filter: (f) => (expect(f.compression, f.name).toBe(f.name.startsWith('media/') ? 0 : 8), false) });
  });

  it('reads back to the same JSON and the same copies, and the JSON imports', () => {
    const result = unpackBackupZip(packed);
    if ('error' in result) throw new Error(result.error);
    expect(result.json).toBe(json);
    expect(result.copies).toEqual(copies);
    expect(parseBackup(result.json).ok).toBe(true);
    const empty = unpackBackupZip(packBackupZip(json, new Map()));
    expect(empty).toEqual({ json, copies: new Map() });
  });

  it('leaves out a copy it would not read back (not a picture, not an http(s) URL, empty); an odd type is normalised', () => {
    const odd: PictureBytes = new Map([
      ['https://pbs.twimg.com/a.svg', { type: 'image/svg+xml', bytes: bytesOf('a') }],
      ['https://pbs.twimg.com/a.html', { type: 'text/html', bytes: bytesOf('b') }],
      ['javascript:alert(1)', { type: 'image/png', bytes: bytesOf('c') }],
      ['https://pbs.twimg.com/empty.png', { type: 'image/png', bytes: new Uint8Array(0) }],
      ['https://pbs.twimg.com/ok.jpg', { type: 'image/JPG', bytes: bytesOf('d') }],
    ]);
    const result = unpackBackupZip(packBackupZip(json, odd));
    if ('error' in result) throw new Error(result.error);
    expect([...result.copies]).toEqual([['https://pbs.twimg.com/ok.jpg', { type: 'image/jpeg', bytes: bytesOf('d') }]]);
  });

  it('reads a zip made by hand as long as it is well formed (the folder entry media/ too)', () => {
    const result = unpackBackupZip(zip((f) => void (f['media/'] = new Uint8Array(0))));
    expect('error' in result ? result.error : [...result.copies.keys()]).toEqual([entry.url]);
  });
});

describe('a hostile or broken zip is refused, saying why', () => {
  it.each<[string, () => Uint8Array, RegExp]>([
    ['an entry the index does not list', () => zip((f) => void (f['media/extra-1.jpg'] = bytesOf('x'))), /holds "media\/extra-1\.jpg", which media\.json does not list/],
    ['a file outside media/', () => zip((f) => void (f['run.sh'] = strToU8('rm -rf /'))), /holds "run\.sh", which is no part of a Roundup backup/],
    ['a path that climbs out', () => zip((f) => void (f['media/../../evil.jpg'] = bytesOf('x'))), /unsafe path: "media\/\.\.\/\.\.\/evil\.jpg"/],
    ['an absolute path', () => zip((f) => void (f['/etc/passwd'] = strToU8('x'))), /unsafe path: "\/etc\/passwd"/],
    ['a drive letter', () => zip((f) => void (f['C:/evil.jpg'] = strToU8('x'))), /unsafe path: "C:\/evil\.jpg"/],
    ['a backslash', () => zip((f) => void (f['media\\..\\evil.jpg'] = strToU8('x'))), /unsafe path/],
    ['no backup.json', () => zip((f) => void delete f['backup.json']), /has no backup\.json/],
    ['no media.json', () => zip((f) => void delete f['media.json']), /has no media\.json/],
    ['an index file missing from the zip', () => zip((f) => void delete f[`media/${entry.name}`]), /media\.json lists "face-abc\.jpg", which the zip does not hold/],
    ['a type that is not a picture', () => zip((f) => void (f['media.json'] = index([{ ...entry, type: 'text/html' }]))), /files\[0\]\.type "text\/html" is not a picture type/],
    ['SVG, which can carry script', () => zip((f) => void (f['media.json'] = index([{ ...entry, type: 'image/svg+xml' }]))), /is not a picture type/],
    ['a name with a path in it', () => zip((f) => void (f['media.json'] = index([{ ...entry, name: '../face.jpg' }]))), /files\[0\]\.name is not a picture file name/],
    ['a URL that is not http(s)', () => zip((f) => void (f['media.json'] = index([{ ...entry, url: 'javascript:alert(1)' }]))), /files\[0\]\.url is not an http\(s\) URL/],
    ['two entries for one URL', () => zip((f) => {
      f['media.json'] = index([entry, { ...entry, name: 'other-1.jpg' }]);
      f['media/other-1.jpg'] = bytesOf('y');
    }), /files\[1\]\.url repeats/],
    ['an index of another format', () => zip((f) => void (f['media.json'] = strToU8('{"format":"zip-slip"}'))), /media\.json is not a Roundup media index/],
    ['an index that is not JSON', () => zip((f) => void (f['media.json'] = strToU8('{'))), /media\.json is not valid JSON/],
    ['a backup.json that is not UTF-8', () => zip((f) => void (f['backup.json'] = new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]))), /backup\.json is not UTF-8 text/],
    ['not a zip at all', () => strToU8(json), /cannot be read/],
    ['a zip cut short', () => zip().subarray(0, 60), /cannot be read/],
  ])('%s', (_, make, why) => {
    expect(refused(make())).toMatch(why);
    expect(refused(make())).toMatch(/^backup zip /);
  });

  it('more files than the ceiling', () => {
    const many = zip((f) => {
      for (let i = 0; i < 5; i++) f[`media/x-${i}.jpg`] = bytesOf(String(i));
    });
    expect(refused(many, { ...BACKUP_ZIP_LIMITS, files: 4 })).toBe('backup zip holds more than 4 files');
  });

  it('a picture over the ceiling, refused from the size it declares: nothing is inflated', () => {
    // 5 MB of zeros deflate to a few KB: a zip bomb in small. Its stream is then broken, so
    // inflating it would fail differently: the message shows the size was checked first.
    const bomb = zipSync({ 'backup.json': strToU8(json), 'media.json': index([entry]), [`media/${entry.name}`]: new Uint8Array(5_000_000) }, { level: 9 });
    expect(bomb.length).toBeLessThan(100_000);
    const at = findLocal(bomb, `media/${entry.name}`);
    bomb.fill(0xff, at, at + 64);
    expect(refused(bomb, { ...BACKUP_ZIP_LIMITS, pictureBytes: 1_000_000 })).toBe(`backup zip media/${entry.name} is larger than 977 KB, more than any picture kept`);
    expect(refused(bomb, { ...BACKUP_ZIP_LIMITS, totalBytes: 2_000_000 })).toBe('backup zip would unpack to more than 2 MB');
  });

  it('a backup.json over the ceiling', () => {
    expect(refused(zip(), { ...BACKUP_ZIP_LIMITS, jsonBytes: 1000 })).toBe('backup zip backup.json is larger than 1 KB');
  });

  it('a picture that declares less than it inflates to is never inflated past what it declares', () => {
    const big = zipSync({ 'backup.json': strToU8(json), 'media.json': index([entry]), [`media/${entry.name}`]: new Uint8Array(3_000_000) }, { level: 9 });
    lieAboutSize(big, `media/${entry.name}`, 100);
    const result = unpackBackupZip(big);
    // fflate inflates into a buffer of the declared size: at most 100 bytes are made.
    if ('error' in result) expect(result.error).toMatch(/^backup zip /);
    else expect(result.copies.get(entry.url)!.bytes.length).toBe(100);
  });
});

/** Where the data of `name`'s local entry starts. */
function findLocal(zip: Uint8Array, name: string): number {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  for (let i = 0; i < zip.length - 30; i++) {
    if (view.getUint32(i, true) !== 0x04034b50) continue;
    const nameLength = view.getUint16(i + 26, true);
    const extra = view.getUint16(i + 28, true);
    if (new TextDecoder().decode(zip.subarray(i + 30, i + 30 + nameLength)) === name) return i + 30 + nameLength + extra;
  }
  throw new Error(`no ${name}`);
}

/** Rewrites the uncompressed size `name` declares, in its local and central headers. */
function lieAboutSize(zip: Uint8Array, name: string, size: number): void {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const encoded = new TextEncoder().encode(name);
  for (let i = 0; i < zip.length - 46; i++) {
    const sig = view.getUint32(i, true);
    const at = sig === 0x04034b50 ? [i + 22, i + 30, 26] : sig === 0x02014b50 ? [i + 24, i + 46, 28] : null;
    if (!at) continue;
    const length = view.getUint16(i + at[2]!, true);
    if (length === encoded.length && zip.subarray(at[1]!, at[1]! + length).every((b, j) => b === encoded[j])) view.setUint32(at[0]!, size, true);
  }
}
