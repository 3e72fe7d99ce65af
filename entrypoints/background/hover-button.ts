import { browser, type Browser } from 'wxt/browser';
import { textDirection } from '@/lib/languages';
import { onMessage, sendMessage, type HoverButtonUi, type ImageTarget } from '@/lib/messaging';
import type { HoverButtonSettings } from '@/lib/page/hover-button';
import { loadSettings, normalizeSettings, settingsItem, type Settings } from '@/lib/settings';
import { backgroundI18n } from './background-i18n';
import { choiceOfMenuItem, menuItemIdOf, orderedStyles } from './context-menu';
import { fromContentScript } from './message-handlers';
import { startJobFromMenu } from './start-job';

const MAX_URL = 2_000_000;
const finite = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const isBox = (value: unknown): value is NonNullable<ImageTarget['rect']> =>
  !!value &&
  typeof value === 'object' &&
  ['x', 'y', 'width', 'height'].every((k) => finite((value as Record<string, unknown>)[k]));

/**
 * What a content script may name as the image to send: a web or data address, pixels as a
 * data: image, a box on screen. Anything else (an extension page's address, a file: URL, a
 * stray field) is dropped before it reaches the download.
 */
export function checkedTarget(raw: unknown): ImageTarget | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const value = raw as Record<string, unknown>;
  const target: ImageTarget = {};
  if (typeof value.url === 'string' && value.url.length <= MAX_URL && /^(https?:|data:image\/)/i.test(value.url))
    target.url = value.url;
  if (typeof value.dataUrl === 'string' && /^data:image\//i.test(value.dataUrl)) target.dataUrl = value.dataUrl;
  if (finite(value.width) && finite(value.height)) Object.assign(target, { width: value.width, height: value.height });
  if (isBox(value.rect))
    target.rect = { x: value.rect.x, y: value.rect.y, width: value.rect.width, height: value.rect.height };
  if (finite(value.dpr) && value.dpr > 0) target.dpr = value.dpr;
  return target.url || target.dataUrl || target.rect ? target : undefined;
}

async function buttonUi(): Promise<HoverButtonUi> {
  const [settings, i18n] = await Promise.all([loadSettings(), backgroundI18n()]);
  const t = i18n.getFixedT(i18n.language);
  const choices = [
    ...orderedStyles(settings.defaultStyle).map((style) => ({
      id: menuItemIdOf({ style }),
      label: t(`styles.${style}`),
    })),
    ...settings.templates.map((template) => ({
      id: menuItemIdOf({ templateId: template.id }),
      label: template.name || '…',
    })),
  ];
  return {
    lang: i18n.language,
    dir: textDirection(i18n.language),
    label: t('hoverButton.label', { style: choices[0]!.label }),
    more: t('hoverButton.more'),
    choices,
  };
}

const hoverSettings = (s: Settings): HoverButtonSettings => ({
  hoverButton: s.hoverButton,
  hoverButtonOffSites: s.hoverButtonOffSites,
});

/** Each tab's top frame hears the change, so the button comes and goes without a reload. */
async function tellTabs(settings: HoverButtonSettings): Promise<void> {
  const tabs = await browser.tabs.query({});
  await Promise.all(
    tabs.map((tab: Browser.tabs.Tab) =>
      tab.id === undefined
        ? undefined
        : sendMessage('hoverButtonSettings', settings, { tabId: tab.id, frameId: 0 }).catch(() => undefined),
    ),
  );
}

/**
 * The hover button's side in the worker: its words, the job its press starts (the same as the
 * menu's, for the image the content script names), and telling the tabs when it is switched.
 */
export function registerHoverButton(): void {
  onMessage('hoverButtonUi', async ({ sender }) => (fromContentScript(sender) ? buttonUi() : null));
  onMessage('startJobForImage', ({ sender, data }) => {
    if (!fromContentScript(sender) || !data || typeof data.choice !== 'string') return;
    const target = checkedTarget(data.target);
    if (!target || !choiceOfMenuItem(data.choice)) return;
    const info = {
      menuItemId: data.choice,
      srcUrl: target.url,
      frameId: sender.frameId ?? 0,
      pageUrl: sender.url ?? '',
      editable: false,
    };
    startJobFromMenu(info, sender.tab, target).catch((error) =>
      console.error('PromptLens: job failed to start', error),
    );
  });
  settingsItem.watch((next, previous) => {
    const [now, before] = [hoverSettings(normalizeSettings(next)), hoverSettings(normalizeSettings(previous))];
    if (JSON.stringify(now) === JSON.stringify(before)) return;
    void tellTabs(now).catch((error) => console.error('PromptLens: hover button', error));
  });
}
