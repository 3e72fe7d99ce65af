import { useEffect, useState } from 'react';
import { loadSettings, normalizeSettings, settingsItem, type Settings } from '@/lib/settings';

/** The current settings, kept up to date while the page is open. */
export function useSettings(): Settings | undefined {
  const [settings, setSettings] = useState<Settings>();
  useEffect(() => {
    void loadSettings().then(setSettings);
    return settingsItem.watch((next) => setSettings(normalizeSettings(next)));
  }, []);
  return settings;
}
