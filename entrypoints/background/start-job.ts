import type { Browser } from 'wxt/browser';
import { updateJob } from '@/lib/jobs/job-store';
import { newJob, queueJob } from '@/lib/jobs/lifecycle';
import { normalizeImage } from '@/lib/image/normalize';
import { fetchClickedImage } from './acquire-image';
import { backgroundI18n } from './background-i18n';
import { choiceOfMenuItem } from './context-menu';
import { runJob } from './job-runner';
import { preparedImage } from './prepared-images';
import { announceFinished, openPopupNow } from './present-result';
import { currentProvider } from './provider-config';
import { worker } from './worker-state';

/** Long data: URLs are not worth keeping: the normalized image is stored anyway. */
const storableUrl = (url: string | undefined) => (url && url.length <= 2048 ? url : undefined);

/**
 * The user chose PromptLens on an image: a job in history, the popup open, the prompt streaming.
 * While an earlier menu job is unfinished, a further click joins the line without opening the
 * popup again: a popup appearing while the user already right-clicks the next image closes that
 * menu (the click is lost), and the open popup follows the newest job.
 */
export async function startJobFromMenu(
  info: Browser.contextMenus.OnClickData,
  tab: Browser.tabs.Tab | undefined,
): Promise<void> {
  const choice = choiceOfMenuItem(info.menuItemId);
  if (!choice) return;
  const joinsBurst = worker.unfinishedMenuJobs > 0;
  // Synchronously in the click handler, as Firefox requires.
  const popupOpened = joinsBurst ? Promise.resolve(false) : openPopupNow();
  worker.unfinishedMenuJobs++;
  try {
    await runMenuJob(info, tab, choice, popupOpened, joinsBurst);
  } finally {
    worker.unfinishedMenuJobs--;
  }
}

async function runMenuJob(
  info: Browser.contextMenus.OnClickData,
  tab: Browser.tabs.Tab | undefined,
  choice: NonNullable<ReturnType<typeof choiceOfMenuItem>>,
  popupOpened: Promise<boolean>,
  joinsBurst: boolean,
): Promise<void> {
  // The download needs no settings: it starts first.
  const cancelFetch = new AbortController();
  const fetching = fetchClickedImage(info, tab, cancelFetch.signal, preparedImage);
  fetching.catch(() => undefined);
  const config = await currentProvider();
  const template = 'templateId' in choice ? config.settings.templates.find((t) => t.id === choice.templateId) : undefined;
  const job = newJob({
    // A template job keeps the default style as its fallback look in lists.
    style: 'style' in choice ? choice.style : config.settings.defaultStyle,
    template,
    detail: config.settings.defaultDetail,
    language: config.settings.promptLanguage,
    provider: config.settings.provider,
    model: config.model,
    source: {
      imageUrl: storableUrl(info.srcUrl),
      // The user may keep history free of where they browsed (settings → Privacy and data).
      ...(config.settings.storePageInfo ? { pageUrl: tab?.url ?? info.pageUrl, pageTitle: tab?.title } : {}),
    },
  });
  const stored = queueJob(job);
  const finished = await runJob({
    job,
    config,
    stored,
    image: async (opts) => {
      opts.signal.addEventListener('abort', () => cancelFetch.abort(), { once: true });
      const { url, blob, format, captured, alt, normalized } = await fetching;
      if (url !== info.srcUrl || captured || alt) {
        const source = { ...job.source, imageUrl: storableUrl(url), ...(captured ? { captured } : {}), ...(alt ? { alt } : {}) };
        void stored.then(() => updateJob(job.id, { source })).catch(() => undefined);
      }
      return normalized ?? normalizeImage(blob, format, opts.limits, opts.maxDataUrlBytes);
    },
  });
  // A burst's later jobs only light the badge: the user knows, one notification each would nag.
  if (finished) await announceFinished(finished, joinsBurst || (await popupOpened), await backgroundI18n());
}
