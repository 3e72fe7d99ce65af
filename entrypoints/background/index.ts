import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { loadSettings, normalizeSettings, settingsItem } from '@/lib/settings';
import { backgroundI18n } from './background-i18n';
import { registerBatchRunner } from './batch/batch-messages';
import { openBatchFromMenu, registerBatchPageHandlers } from './batch-page-handlers';
import { isBatchMenuItem, syncContextMenu } from './context-menu';
import { registerHoverButton } from './hover-button';
import { setConcurrency } from './job-queue';
import { resumeJobs } from './job-reruns';
import { registerMessageHandlers } from './message-handlers';
import { scheduleRetention } from './retention-schedule';
import { failStaleGenerations } from '@/lib/history/generations';
import { endStaleScoring } from '@/lib/scoring/score-store';
import { guardStorage } from './storage-guard';
import { COMMANDS, openBatchOrPanel, promptUnderPointer } from './shortcut';
import { startJobFromMenu } from './start-job';
import { worker } from './worker-state';

async function rebuildMenu(): Promise<void> {
  const [settings, i18n] = await Promise.all([loadSettings(), backgroundI18n()]);
  await syncContextMenu(settings.defaultStyle, settings.templates, i18n.getFixedT(i18n.language));
}

export default defineBackground(() => {
  const startedAt = Date.now();
  guardStorage();
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (isBatchMenuItem(info.menuItemId)) return openBatchFromMenu(tab);
    startJobFromMenu(info, tab).catch((error) => console.error('PromptLens: job failed to start', error));
  });
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === COMMANDS.promptUnderPointer) {
      promptUnderPointer(tab).catch((error) => console.error('PromptLens: shortcut', error));
    } else if (command === COMMANDS.openBatch) void openBatchOrPanel(tab).catch(() => undefined);
  });
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') void browser.runtime.openOptionsPage();
  });
  browser.notifications?.onClicked.addListener(() => void browser.action.openPopup?.().catch(() => undefined));
  registerMessageHandlers();
  registerBatchPageHandlers();
  // Cached for the next click, which must open the side panel synchronously.
  void loadSettings().then((settings) => (worker.resultsIn ??= settings.resultsIn));
  registerHoverButton();
  settingsItem.watch((next, previous) => {
    setConcurrency(normalizeSettings(next).concurrency);
    worker.resultsIn = normalizeSettings(next).resultsIn;
    // Prepared images were scaled for the provider of then, and the user may have turned it off.
    worker.prepared.clear();
    // The menu depends on these only; typing a base URL must not rebuild it.
    const menuOf = (s: typeof next | null) =>
      JSON.stringify([s?.defaultStyle, s?.uiLanguage, s?.templates?.map((t) => [t.id, t.name])]);
    if (menuOf(next) === menuOf(previous)) return;
    void rebuildMenu().catch((error) => console.error('PromptLens: menu', error));
  });

  // Every start of the worker: the menu in the current settings, and the jobs a stopped
  // worker left: waiting ones back in line, none left "running".
  void rebuildMenu().catch((error) => console.error('PromptLens: menu', error));
  scheduleRetention();
  const jobsRecovered = resumeJobs(startedAt).catch((error) => console.error('PromptLens: recovery', error));
  registerBatchRunner(jobsRecovered);
  void failStaleGenerations(startedAt).catch((error) => console.error('PromptLens: recovery', error));
  void endStaleScoring(startedAt).catch((error) => console.error('PromptLens: recovery', error));
});
