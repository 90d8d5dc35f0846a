// The user's settings as the export view needs them: read once when the view opens (the
// options page writes them; an export picks up a change the next time it is opened).
// Until they arrive, and if they cannot be read, the defaults serve: export still works.
import { useEffect, useState } from 'preact/hooks';
import { DEFAULT_SETTINGS, type Settings } from '../../model/settings';
import type { Ask } from './ask';
import { t } from '../../platform/i18n';

export interface ExportSettingsState {
  settings: Settings;
  loaded: boolean;
  /** Why the settings could not be read, for the user; empty when they were. */
  problem: string;
}

export function useExportSettings(ask: Ask): ExportSettingsState {
  const [state, setState] = useState<ExportSettingsState>({ settings: DEFAULT_SETTINGS, loaded: false, problem: '' });
  useEffect(() => {
    let live = true;
    ask('getSettings', {}).then(
      (settings) => live && setState({ settings, loaded: true, problem: '' }),
      (e: Error) => live && setState({ settings: DEFAULT_SETTINGS, loaded: true, problem: t('settingsDefaultsUsed', e.message) }),
    );
    return () => {
      live = false;
    };
  }, [ask]);
  return state;
}
