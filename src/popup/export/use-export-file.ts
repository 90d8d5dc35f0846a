// The export code is a bundle of its own, export-files.js (files-entry.ts), loaded when the
// export view opens: the editor opens without any of it. The kept pictures' bytes are read
// from the database (read-pictures.ts) when a format needs them: the self-contained page and
// the archive, and HTML, Markdown and WordPress with their pictures as files beside them.
import { useEffect, useState } from 'preact/hooks';
import type { ExportInput } from '../../export/types';
import type { FileFormatId } from '../../model/settings';
import type { PictureBytes } from '../../model/media';
import type { MadeFile } from './files-entry';
import type { ReadPictures } from './read-pictures';
import { t } from '../../platform/i18n';

export type FilesModule = typeof import('./files-entry');
export type LoadFiles = () => Promise<FilesModule>;

// `./export-files.js`, beside popup.js in the built extension: build.mjs defines this name as
// that path and marks it external, so the bundler leaves the import as it is and none of the
// export code lands in popup.js. Tests, which run the sources, pass the module instead.
declare const EXPORT_FILES_PATH: string;
export const loadFiles: LoadFiles = async () => import(EXPORT_FILES_PATH);

const loaded = new WeakMap<LoadFiles, FilesModule>();

/** The export code: null while it loads (at once when loaded before), with why it failed, if it did. */
export function useFilesModule(load: LoadFiles): { files: FilesModule | null; problem: string } {
  const [files, setFiles] = useState(() => loaded.get(load) ?? null);
  const [problem, setProblem] = useState('');
  useEffect(() => {
    if (files) return;
    let live = true;
    load().then(
      (module) => {
        loaded.set(load, module);
        if (live) setFiles(module);
      },
      (e: Error) => live && setProblem(t('exportLoadFailed', e.message)),
    );
    return () => {
      live = false;
    };
  }, [load, files]);
  return { files, problem };
}

export interface PicturesRead {
  pictures: PictureBytes;
  /** Why they could not be read (then there are none); empty when they were. */
  problem: string;
}

/**
 * The kept pictures of the roundup's posts, once `files` is loaded and a format needs them;
 * null until read. Read once per view and set of pictures: typing does not read them again.
 */
export function useKeptPictures(files: FilesModule | null, input: Pick<ExportInput, 'roundup' | 'posts'>, read: ReadPictures): PicturesRead | null {
  const key = files ? files.roundupPictureUrls(input).join('\n') : null;
  const [done, setDone] = useState<{ key: string; read: PicturesRead } | null>(null);
  useEffect(() => {
    if (key === null) return;
    let live = true;
    read(key ? key.split('\n') : []).then(
      (pictures) => live && setDone({ key, read: { pictures, problem: '' } }),
      (e: Error) => live && setDone({ key, read: { pictures: new Map(), problem: e.message } }),
    );
    return () => {
      live = false;
    };
  }, [key, read]);
  return key !== null && done?.key === key ? done.read : null;
}

export interface ExportFile {
  /** What "Export output" shows. */
  summary: string;
  /** The file, once made of the roundup as it is now; absent while it is being made. */
  blob?: Blob;
}

interface Made {
  format: FileFormatId;
  input: ExportInput;
  file?: MadeFile;
  problem?: string;
}

/** The file of `format` (null: none wanted), made again a moment after the roundup changes. */
export function useExportFile(format: FileFormatId | null, input: ExportInput, read: PicturesRead | null, files: FilesModule | null): ExportFile {
  const [made, setMade] = useState<Made | null>(null);
  const first = made?.format !== format;
  useEffect(() => {
    if (!format || !read || !files) return;
    let live = true;
    const timer = setTimeout(() => {
      try {
        if (live) setMade({ format, input, file: files.makeFile(format, input, read.pictures, read.problem) });
      } catch (e) {
        if (live) setMade({ format, input, problem: t('fileFailed', (e as Error).message) });
      }
    }, first ? 0 : 300);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // `first` only sets the wait: a change to it alone is no reason to make the file again.
  }, [format, input, read, files]);
  if (!format || first || !made) return { summary: t(read ? 'makingFile' : 'readingPictures') };
  return { summary: made.file?.summary ?? made.problem ?? '', blob: made.input === input ? made.file?.blob : undefined };
}
