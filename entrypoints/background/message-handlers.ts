import { browser, type Browser } from 'wxt/browser';
import { onMessage } from '@/lib/messaging';
import { isDetailLevel } from '@/lib/prompt/detail';
import { isStyleId } from '@/lib/prompt/styles';
import { compareModels, openCompareModels, retryComparisonColumn } from './compare-models';
import { setPointerOverImage } from './context-menu';
import { cancelJob } from './job-runner';
import { rememberPointerFrame } from './pointer-frame';
import { regenerateJob, retryJob } from './job-reruns';
import { prepareImage } from './prepared-images';
import { assertConfigured, currentProvider } from './provider-config';
import { cancelGeneration, openCompare, recreateJob } from './recreate';
import { cancelScoring, startRefine, startRefineRun, startScoring } from './scoring';
import { testConnection } from './test-connection';

/**
 * Only our own pages (popup, options) may drive jobs: never a web page or a content script.
 * A content script's sender.url is the web page's; an extension page's is our own origin,
 * whether it is a popup or sits in a tab (the options page does).
 */
export function fromExtensionPage(sender: Browser.runtime.MessageSender): boolean {
  return sender.id === browser.runtime.id && (sender.url ?? '').startsWith(browser.runtime.getURL('/'));
}

/** Our content script, in a web page's tab: not an extension page that happens to sit in a tab. */
export function fromContentScript(sender: Browser.runtime.MessageSender): boolean {
  return sender.id === browser.runtime.id && sender.tab?.id !== undefined && !fromExtensionPage(sender);
}

/** Job ids are ours (crypto.randomUUID): anything else is not a job, whoever sends it. */
const isJobId = (value: unknown): value is string => typeof value === 'string' && /^[0-9a-f-]{36}$/.test(value);

/**
 * Handlers answer extension pages only, but for pointerOverImage and prepareImage: our content
 * script's one boolean (where the menu entry shows) and the http(s) address of the image it
 * saw right-clicked (downloaded as the page already did; nothing is sent anywhere else). Web pages have no channel at
 * all (no
 * externally_connectable); each payload is checked.
 */
export function registerMessageHandlers(): void {
  onMessage('ping', () => undefined);
  onMessage('getSetupStatus', async ({ sender }) => {
    if (!fromExtensionPage(sender)) return { ready: false };
    const config = await currentProvider();
    try {
      assertConfigured(config);
      return { ready: true };
    } catch {
      return { ready: false };
    }
  });
  onMessage('pointerOverImage', ({ data, sender }) => {
    if (!fromContentScript(sender) || typeof data !== 'boolean') return;
    if (data && sender.tab?.id !== undefined) rememberPointerFrame(sender.tab.id, sender.frameId ?? 0);
    void setPointerOverImage(data).catch((error) => console.error('PromptLens: menu', error));
  });
  onMessage('prepareImage', ({ data, sender }) => {
    const url = data?.url;
    if (!fromContentScript(sender) || typeof url !== 'string' || url.length > 4096 || !/^https?:\/\//i.test(url))
      return;
    void prepareImage(url, sender.tab?.url).catch(() => undefined);
  });
  onMessage('retryJob', ({ data, sender }) => {
    if (!fromExtensionPage(sender) || !isJobId(data)) return;
    void retryJob(data);
  });
  onMessage('cancelJob', ({ data, sender }) => {
    if (!fromExtensionPage(sender) || !isJobId(data)) return;
    cancelJob(data);
  });
  onMessage('regenerateJob', ({ data, sender }) => {
    if (!fromExtensionPage(sender) || !data || !isJobId(data.jobId)) return undefined;
    if (!isStyleId(data.style) || !isDetailLevel(data.detail)) return undefined;
    if (data.templateId !== undefined && (typeof data.templateId !== 'string' || data.templateId.length > 100))
      return undefined;
    return regenerateJob(data);
  });
  onMessage('recreateJob', ({ data, sender }) => {
    if (!fromExtensionPage(sender) || !isJobId(data)) return undefined;
    return recreateJob(data);
  });
  onMessage('cancelGeneration', ({ data, sender }) => {
    if (!fromExtensionPage(sender) || !isJobId(data)) return;
    cancelGeneration(data);
  });
  onMessage('openCompare', ({ data, sender }) => {
    if (!fromExtensionPage(sender) || typeof data !== 'string' || data.length > 100) return;
    void openCompare(data);
  });
  const scoring = {
    scoreGeneration: startScoring,
    refinePrompt: startRefine,
    refineAndRecreate: startRefineRun,
    cancelScoring,
  };
  for (const [type, start] of Object.entries(scoring) as Array<[keyof typeof scoring, (id: string) => void]>) {
    onMessage(type, ({ data, sender }) => {
      if (!fromExtensionPage(sender) || !isJobId(data)) return;
      start(data);
    });
  }
  onMessage('compareModels', ({ data, sender }) => {
    const ids = data?.modelIds;
    const valid =
      Array.isArray(ids) && ids.length <= 4 && ids.every((id) => typeof id === 'string' && id.length <= 100);
    if (!fromExtensionPage(sender) || !isJobId(data?.jobId) || !valid) return { ok: false, reason: 'pick' } as const;
    return compareModels(data);
  });
  onMessage('retryComparisonColumn', ({ data, sender }) => {
    if (!fromExtensionPage(sender) || !isJobId(data)) return;
    void retryComparisonColumn(data);
  });
  onMessage('openCompareModels', ({ data, sender }) => {
    if (!fromExtensionPage(sender) || typeof data !== 'string' || data.length > 100) return;
    void openCompareModels(data);
  });
  onMessage('testConnection', ({ sender }) => {
    if (!fromExtensionPage(sender)) throw new Error('Not allowed');
    return testConnection();
  });
}
