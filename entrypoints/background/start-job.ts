import type { Browser } from 'wxt/browser';
import { createJob, updateJob } from '@/lib/jobs/job-store';
import { loadSettings } from '@/lib/settings';
import { acquireImage, resolveTarget } from './acquire-image';
import { backgroundI18n } from './background-i18n';
import { styleOfMenuItem } from './context-menu';
import { runJob } from './job-runner';
import { announceFinished, openPopupNow } from './present-result';

/** Long data: URLs are not worth keeping: the normalized image is stored anyway. */
const storableUrl = (url: string | undefined) => (url && url.length <= 2048 ? url : undefined);

/** The user chose PromptLens on an image: a job in history, the popup open, the prompt streaming. */
export async function startJobFromMenu(
  info: Browser.contextMenus.OnClickData,
  tab: Browser.tabs.Tab | undefined,
): Promise<void> {
  const style = styleOfMenuItem(info.menuItemId);
  if (!style) return;
  const popupOpened = openPopupNow();
  const settings = await loadSettings();
  const job = await createJob({
    style,
    provider: settings.provider,
    model: settings.connections[settings.provider].model,
    source: { imageUrl: storableUrl(info.srcUrl), pageUrl: tab?.url ?? info.pageUrl, pageTitle: tab?.title },
  });
  const finished = await runJob(job.id, async (opts) => {
    const target = await resolveTarget(info, tab);
    if (target.url !== job.source.imageUrl) {
      void updateJob(job.id, { source: { ...job.source, imageUrl: storableUrl(target.url) } }).catch(() => undefined);
    }
    return acquireImage(target.url, opts);
  });
  if (finished) await announceFinished(finished, await popupOpened, await backgroundI18n());
}
