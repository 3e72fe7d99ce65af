import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { browser } from 'wxt/browser';
import { isResultsHost } from '@/lib/settings';
import { SelectField } from './select-field';
import { useSettingsStore } from './settings-store';

const PROMPT_COMMAND = 'prompt-under-pointer';

/** The keys the browser assigned to the shortcut ('' when it left it unassigned). */
function useShortcut(): string | undefined {
  const [keys, setKeys] = useState<string>();
  useEffect(() => {
    const refresh = () =>
      void browser.commands.getAll().then((all) => setKeys(all.find((c) => c.name === PROMPT_COMMAND)?.shortcut ?? ''));
    refresh();
    // Coming back from the browser's shortcut page: show what the user set there.
    window.addEventListener('focus', refresh);
    return () => window.removeEventListener('focus', refresh);
  }, []);
  return keys;
}

/** Chrome's shortcut page is an extension page may open; Firefox (137+) has its own call for it. */
function openShortcutSettings(): void {
  const commands = browser.commands as { openShortcutSettings?: () => Promise<void> };
  if (commands.openShortcutSettings) void commands.openShortcutSettings();
  else void browser.tabs.create({ url: 'chrome://extensions/shortcuts' });
}

/** Where results show (popup or side panel), and the keyboard shortcut. */
export function ResultsSection() {
  const { t } = useTranslation();
  const resultsIn = useSettingsStore((state) => state.settings?.resultsIn);
  const update = useSettingsStore((state) => state.update);
  const keys = useShortcut();
  if (!resultsIn) return null;
  return (
    <section className="card">
      <h2>{t('sidePanel.section')}</h2>
      <SelectField
        label={t('sidePanel.showResultsIn')}
        hint={t('sidePanel.hint')}
        value={resultsIn}
        choices={[
          { value: 'popup', label: t('sidePanel.popup') },
          { value: 'sidePanel', label: t('sidePanel.sidePanel') },
        ]}
        onChange={(value) => isResultsHost(value) && void update({ resultsIn: value })}
      />
      <p>
        <span>{t('shortcut.promptUnderPointer')}</span>{' '}
        <kbd>{keys === undefined ? '…' : keys || t('shortcut.notSet')}</kbd>{' '}
        <button type="button" onClick={openShortcutSettings}>
          {t('shortcut.change')}
        </button>
      </p>
    </section>
  );
}
