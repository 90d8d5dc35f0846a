// The backup's size ceiling, on its own so the editor can refuse a huge file before reading
// it without bundling the backup's validator (that runs in the background, which writes).

/** Bigger than any real backup by far; refused before JSON.parse spends memory on it. */
export const MAX_BACKUP_CHARS = 64 * 1024 * 1024;
