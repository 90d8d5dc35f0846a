// The kept pictures' bytes, for the exports that carry them: read from the editor's own
// database connection (editor-db.ts), only the copies that are kept.
import type { PictureBytes } from '../../model/media';
import { readPictureCopies } from '../editor-db';

export type ReadPictures = (urls: string[]) => Promise<PictureBytes>;

export const readPictures: ReadPictures = async (urls) => {
  const copies = await readPictureCopies(urls);
  const kept = await Promise.all(
    [...copies.values()].map(async (c) => (c.status === 'kept' ? ([c.url, { type: c.type, bytes: new Uint8Array(await c.bytes.arrayBuffer()) }] as const) : null)),
  );
  return new Map(kept.filter((k) => k !== null));
};
