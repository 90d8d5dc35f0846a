// Copies are the background's work, through the one door to the browser: the content script
// bundle carries none of it (no fetch, no permission, nothing of the copy modules), the fetch
// and the permission calls live in src/platform, and the manifest asks for pbs.twimg.com.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

const permissions = vi.hoisted(() => ({
  contains: vi.fn(async (_: { origins: string[] }) => false),
  request: vi.fn(async (_: { origins: string[] }) => true),
  listeners: [] as Array<(p: { origins?: string[] }) => void>,
}));
vi.mock('../../src/platform', () => ({
  browser: {
    permissions: {
      contains: permissions.contains,
      request: permissions.request,
      onAdded: { addListener: (l: (p: { origins?: string[] }) => void) => permissions.listeners.push(l) },
    },
  },
}));
vi.mock('../../src/platform/index', () => ({
  browser: {
    permissions: {
      contains: permissions.contains,
      request: permissions.request,
      onAdded: { addListener: (l: (p: { origins?: string[] }) => void) => permissions.listeners.push(l) },
    },
  },
}));

const COPY_MODULES = ['src/background/copies.ts', 'src/store/copies.ts', 'src/platform/fetch-picture.ts', 'src/platform/permissions.ts'];

describe('the content script carries no copy work', () => {
  it('imports nothing of the copies, the background or the store', async () => {
    const result = await esbuild.build({
      absWorkingDir: root,
      entryPoints: ['src/content/index.ts'],
      bundle: true,
      write: false,
      metafile: true,
      format: 'iife',
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs).toContain('src/content/index.ts');
    for (const module of COPY_MODULES) expect(inputs).not.toContain(module);
    expect(inputs.filter((i) => i.startsWith('src/background/') || i.startsWith('src/store/'))).toEqual([]);
    const code = result.outputFiles[0]!.text;
    expect(code).not.toMatch(/\bfetch\(/);
    expect(code).not.toContain('permissions.contains');
  });
});

describe('the permission for the media hosts', () => {
  beforeEach(() => {
    permissions.contains.mockClear();
    permissions.request.mockClear();
    permissions.listeners.length = 0;
  });

  // X's, and Bluesky's CDN and video stills (model/media.ts MEDIA_HOSTS).
  const ORIGINS = ['https://pbs.twimg.com/*', 'https://cdn.bsky.app/*', 'https://video.bsky.app/*'];

  it('is asked for in the manifest, for every media host', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8')) as { host_permissions: string[] };
    for (const origin of ORIGINS) expect(manifest.host_permissions).toContain(origin);
  });

  it('is checked, asked for and listened to through src/platform, for every media host', async () => {
    const { mayLoadPictures, askToLoadPictures, onPicturesAllowed, PICTURE_ORIGINS } = await import('../../src/platform/permissions');
    expect(PICTURE_ORIGINS).toEqual(ORIGINS);
    expect(await mayLoadPictures()).toBe(false);
    expect(permissions.contains).toHaveBeenCalledWith({ origins: ORIGINS });
    permissions.contains.mockRejectedValueOnce(new Error('no permissions API'));
    expect(await mayLoadPictures()).toBe(false);

    expect(await askToLoadPictures()).toBe(true);
    expect(permissions.request).toHaveBeenCalledWith({ origins: ORIGINS });

    const granted = vi.fn();
    onPicturesAllowed(granted);
    permissions.listeners.forEach((l) => l({ origins: ['https://pbs.twimg.com/*'] }));
    expect(granted).toHaveBeenCalledTimes(1);
    permissions.listeners.forEach((l) => l({ origins: [] }));
    expect(granted).toHaveBeenCalledTimes(1);
  });

  it('fetches without cookies or referrer, following redirects to judge where they end', async () => {
    const real = globalThis.fetch;
    const spy = vi.fn(async () => new Response('x'));
    globalThis.fetch = spy as unknown as typeof fetch;
    try {
      const { fetchPicture } = await import('../../src/platform/fetch-picture');
      await fetchPicture('https://pbs.twimg.com/media/A?format=jpg&name=large');
      expect(spy).toHaveBeenCalledWith('https://pbs.twimg.com/media/A?format=jpg&name=large',
        expect.objectContaining({ credentials: 'omit', referrerPolicy: 'no-referrer', redirect: 'follow' }));
    } finally {
      globalThis.fetch = real;
    }
  });
});
