import type { Browser } from 'wxt/browser';
import { updateJob } from '@/lib/jobs/job-store';
import { newJob, queueJob } from '@/lib/jobs/lifecycle';
import type { ImageTarget } from '@/lib/messaging';
import { fetchClickedImage, type ClickedImage } from './acquire-image';
import { backgroundI18n } from './background-i18n';
import { choiceOfMenuItem, type MenuChoice } from './context-menu';
import { runJob } from './job-runner';
import { lookUpDecoder, normalizeForRequest } from './offscreen-normalize';
import { preparedImage } from './prepared-images';
import { announceFinished, openResultsNow } from './present-result';
import { currentProvider } from './provider-config';
import { worker } from './worker-state';
import { deferred } from '@/lib/deferred';

/** Long data: URLs are not worth keeping: the normalized image is stored anyway. */
const storableUrl = (url: string | undefined) => (url && url.length <= 2048 ? url : undefined);

/** One job, whichever door it came through (menu, keyboard shortcut). */
export interface JobRequest {
  choice: MenuChoice;
  tab: Browser.tabs.Tab | undefined;
  /** The image's address as the browser named it, if it did. */
  srcUrl?: string;
  pageUrl?: string;
  /** Starts the download at once; the settings are read meanwhile. */
  fetch: (signal: AbortSignal) => Promise<ClickedImage>;
  /** Told once the request is on its way to the provider, or the job ended without one. */
  onRequestOut?: () => void;
}

/**
 * The user chose PromptLens on an image: a job in history, the results open (popup or side
 * panel), the prompt streaming. While an earlier job is unfinished, a further click joins the
 * line without opening the popup again: a popup appearing while the user already right-clicks
 * the next image closes that menu (the click is lost), and the open popup follows the newest job.
 */
export async function startJobFromMenu(
  info: Browser.contextMenus.OnClickData,
  tab: Browser.tabs.Tab | undefined,
  /** The image, when the content script already named it (the hover button): no need to ask. */
  known?: ImageTarget,
): Promise<void> {
  const choice = choiceOfMenuItem(info.menuItemId);
  if (!choice) return;
  const joinsBurst = isBurst();
  const requestOut = deferred();
  // Synchronously in the click handler, as Firefox (and Chrome's side panel) require. An image
  // prepared at the right-click leaves nothing to decode, so its popup need not wait.
  const ready = info.srcUrl !== undefined && worker.prepared.isReady(info.srcUrl);
  const opened = joinsBurst ? Promise.resolve(false) : openResultsNow(tab?.id, ready ? undefined : requestOut.promise);
  if (!ready) lookUpDecoder();
  await startJob(
    {
      choice,
      tab,
      srcUrl: info.srcUrl,
      pageUrl: info.pageUrl,
      fetch: (signal) => fetchClickedImage(info, tab, signal, known, preparedImage),
      onRequestOut: requestOut.resolve,
    },
    opened,
    joinsBurst,
  );
}

/** Whether a job started now joins a burst whose results are already on screen. */
export const isBurst = () => worker.unfinishedMenuJobs > 0;

/** Runs a job; `opened` says whether the popup or side panel showed for it (else: a notification when done). */
export async function startJob(request: JobRequest, opened: Promise<boolean>, joinsBurst: boolean): Promise<void> {
  worker.unfinishedMenuJobs++;
  try {
    await runRequest(request, opened, joinsBurst);
  } finally {
    worker.unfinishedMenuJobs--;
    request.onRequestOut?.();
  }
}

async function runRequest(
  { choice, tab, srcUrl, pageUrl, fetch, onRequestOut }: JobRequest,
  popupOpened: Promise<boolean>,
  joinsBurst: boolean,
): Promise<void> {
  // The download needs no settings: it starts first.
  const cancelFetch = new AbortController();
  const fetching = fetch(cancelFetch.signal);
  fetching.catch(() => undefined);
  const config = await currentProvider();
  const template =
    'templateId' in choice ? config.settings.templates.find((t) => t.id === choice.templateId) : undefined;
  const job = newJob({
    // A template job keeps the default style as its fallback look in lists.
    style: 'style' in choice ? choice.style : config.settings.defaultStyle,
    template,
    detail: config.settings.defaultDetail,
    language: config.settings.promptLanguage,
    provider: config.settings.provider,
    model: config.model,
    source: {
      imageUrl: storableUrl(srcUrl),
      // The user may keep history free of where they browsed (settings → Privacy and data).
      ...(config.settings.storePageInfo ? { pageUrl: tab?.url ?? pageUrl, pageTitle: tab?.title } : {}),
    },
  });
  const stored = queueJob(job);
  const finished = await runJob({
    job,
    config,
    stored,
    onSending: onRequestOut,
    image: async (opts) => {
      opts.signal.addEventListener('abort', () => cancelFetch.abort(), { once: true });
      const clicked = await fetching;
      const { url, captured, alt, normalized } = clicked;
      if (url !== srcUrl || captured || alt) {
        const source = {
          ...job.source,
          imageUrl: storableUrl(url),
          ...(captured ? { captured } : {}),
          ...(alt ? { alt } : {}),
        };
        void stored.then(() => updateJob(job.id, { source })).catch(() => undefined);
      }
      return normalized ?? normalizeForRequest(clicked, opts.limits, opts.maxDataUrlBytes);
    },
  });
  // A job that ended before its request (an error): the popup shows it now, not at its time limit.
  onRequestOut?.();
  // A burst's later jobs only light the badge: the user knows, one notification each would nag.
  if (finished) await announceFinished(finished, joinsBurst || (await popupOpened), await backgroundI18n());
}
