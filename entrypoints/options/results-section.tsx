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

type ActionSettings = { isOnToolbar?: boolean };
type UserSettingsApi = {
  getUserSettings?: () => Promise<ActionSettings>;
  onUserSettingsChanged?: { addListener(f: () => void): void; removeListener(f: () => void): void };
};

/**
 * Whether PromptLens's button is pinned to the toolbar (Chrome's action.getUserSettings; undefined
 * where the browser cannot say). Unpinned, Chrome first brings the button out onto the toolbar
 * and only then opens the popup: ~260 ms of every opening (npm run bench, BENCH_PINNED).
 */
function useOnToolbar(): boolean | undefined {
  const [onToolbar, setOnToolbar] = useState<boolean>();
  useEffect(() => {
    const action = browser.action as unknown as UserSettingsApi | undefined;
    if (import.meta.env.FIREFOX || !action?.getUserSettings) return;
    const refresh = () =>
      void action.getUserSettings!()
        .then((settings) => setOnToolbar(settings.isOnToolbar))
        .catch(() => undefined);
    refresh();
    action.onUserSettingsChanged?.addListener(refresh);
    // Older Chrome has no change event: pinning happens outside this page, so look again on return.
    window.addEventListener('focus', refresh);
    return () => {
      action.onUserSettingsChanged?.removeListener(refresh);
      window.removeEventListener('focus', refresh);
    };
  }, []);
  return onToolbar;
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
  const onToolbar = useOnToolbar();
  if (!resultsIn) return null;
  const pinTip = resultsIn === 'popup' && onToolbar === false;
  return (
    <section className="card" aria-labelledby="results-heading">
      <h2 id="results-heading">{t('sidePanel.section')}</h2>
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
      {pinTip && <p className="small muted hint">{t('sidePanel.pinHint')}</p>}
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
