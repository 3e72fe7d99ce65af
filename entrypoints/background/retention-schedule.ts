import { browser } from 'wxt/browser';
import { pruneHistory } from '@/lib/history/prune';
import { loadSettings, normalizeSettings, settingsItem } from '@/lib/settings';

const ALARM = 'prune-history';
/** Hourly: "24 hours" then keeps an entry at most 25 hours, and the worker wakes rarely. */
const PERIOD_MINUTES = 60;

async function prune(): Promise<void> {
  const { retention } = await loadSettings();
  await pruneHistory(retention);
}

const report = (error: unknown) => console.error('PromptLens: retention', error);

/**
 * History retention: at every worker start, when the setting changes, and on an alarm (a
 * stopped worker has no timers; alarms survive it and wake it up).
 */
export function scheduleRetention(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM) void prune().catch(report);
  });
  void browser.alarms
    .get(ALARM)
    .then(async (existing) => {
      if (!existing) await browser.alarms.create(ALARM, { periodInMinutes: PERIOD_MINUTES });
    })
    .catch(report);
  settingsItem.watch((next, previous) => {
    if (normalizeSettings(next).retention !== normalizeSettings(previous).retention) void prune().catch(report);
  });
  void prune().catch(report);
}
