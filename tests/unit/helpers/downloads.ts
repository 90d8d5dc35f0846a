// What "Download" saves, in a test: the Blobs handed to URL.createObjectURL, with the link's
// click (which would start a real download) stopped. Install once per file; the list empties
// before each test, and every stand-in is undone after it.
import { cleanup } from '@testing-library/preact';
import { afterEach, beforeEach, vi } from 'vitest';

export function captureDownloads(): Blob[] {
  const saved: Blob[] = [];
  beforeEach(() => {
    saved.length = 0;
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      saved.push(blob as Blob);
      return 'blob:test';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
  });
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });
  return saved;
}
