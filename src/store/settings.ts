// The settings record, kept in the meta store. Stored as a whole, changed by patches inside one
// transaction, read with the defaults filled in (a setting added later has its default).
import { DEFAULT_SETTINGS, type Settings } from '../model/settings';
import type { Db } from './db';

const KEY = 'settings';

function withDefaults(stored: unknown): Settings {
  const s = (typeof stored === 'object' && stored !== null ? stored : {}) as Partial<Settings>;
  return { ...DEFAULT_SETTINGS, ...s, inlineButtons: { ...DEFAULT_SETTINGS.inlineButtons, ...s.inlineButtons } };
}

export function createSettingsStore(db: Db) {
  return {
    async getSettings(): Promise<Settings> {
      return withDefaults(await db.get('meta', KEY));
    },
    /** Applies an already validated patch (see parseSettingsPatch) and returns the result. */
    async updateSettings(patch: Partial<Settings>): Promise<Settings> {
      const tx = db.transaction('meta', 'readwrite');
      const next = { ...withDefaults(await tx.store.get(KEY)), ...patch };
      await tx.store.put(next, KEY);
      await tx.done;
      return next;
    },
  };
}

export type SettingsStore = ReturnType<typeof createSettingsStore>;
