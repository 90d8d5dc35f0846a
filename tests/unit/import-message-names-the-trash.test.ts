// The words an import ends with: the Trash is counted when the backup held any of it.
import { describe, expect, it } from 'vitest';
import { importMessage } from '../../src/popup/export/import-message';

const none = { added: 0, replaced: 0, kept: 0 };

describe('the import message', () => {
  it('counts Trash entries, in the singular and plural, only when the backup held some', () => {
    expect(importMessage({ roundups: { ...none, added: 1 }, posts: { ...none, added: 2 }, trash: none }))
      .toBe('Backup imported: 1 roundup added; 2 posts added. Settings restored from the backup.');
    expect(importMessage({ roundups: { ...none, added: 1 }, posts: { ...none, added: 2 }, trash: { added: 1, replaced: 0, kept: 0 } }))
      .toBe('Backup imported: 1 roundup added; 2 posts added; 1 Trash entry added. Settings restored from the backup.');
    expect(importMessage({ roundups: none, posts: none, trash: { added: 2, replaced: 0, kept: 3 } }))
      .toBe('Backup imported: 0 roundups added; 0 posts added; 2 Trash entries added, 3 already here and kept. Settings restored from the backup.');
  });
});
