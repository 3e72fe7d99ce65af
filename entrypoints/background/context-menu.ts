import { browser } from 'wxt/browser';
import type { TFunction } from 'i18next';
import { STYLE_IDS, isStyleId, type StyleId } from '@/lib/prompt/styles';
import type { CustomTemplate } from '@/lib/prompt/templates';

const ROOT = 'promptlens';
const STYLE_PREFIX = 'style:';
const TEMPLATE_PREFIX = 'template:';
// 'page', 'link' and 'frame' too: an image under an overlay or a CSS background is not an
// <img> to the browser; 'video' for the frame on screen.
const CONTEXTS: ['image', 'video', 'page', 'link', 'frame'] = ['image', 'video', 'page', 'link', 'frame'];

/** Default style first, so "PromptLens ▸ first item" always does what the user set. */
export function orderedStyles(defaultStyle: StyleId): StyleId[] {
  return [defaultStyle, ...STYLE_IDS.filter((style) => style !== defaultStyle)];
}

export type MenuChoice = { style: StyleId } | { templateId: string };

/** A clicked menu item → the style or template it stands for; anything else → undefined. */
export function choiceOfMenuItem(menuItemId: string | number): MenuChoice | undefined {
  const id = String(menuItemId);
  if (id.startsWith(STYLE_PREFIX)) {
    const style = id.slice(STYLE_PREFIX.length);
    return isStyleId(style) ? { style } : undefined;
  }
  if (id.startsWith(TEMPLATE_PREFIX) && id.length > TEMPLATE_PREFIX.length) return { templateId: id.slice(TEMPLATE_PREFIX.length) };
  return undefined;
}

function create(props: Parameters<typeof browser.contextMenus.create>[0]): Promise<void> {
  return new Promise((resolve, reject) => {
    browser.contextMenus.create(props, () => {
      const error = browser.runtime.lastError;
      if (error) reject(new Error(error.message));
      else resolve();
    });
  });
}

let queue: Promise<void> = Promise.resolve();

/** Rebuild the menu; calls are serialized so two rebuilds never collide on an id. */
export function syncContextMenu(defaultStyle: StyleId, templates: CustomTemplate[], t: TFunction): Promise<void> {
  queue = queue
    .catch(() => undefined)
    .then(async () => {
      await browser.contextMenus.removeAll();
      await create({ id: ROOT, title: t('menu.root'), contexts: CONTEXTS });
      for (const style of orderedStyles(defaultStyle)) {
        const name = t(`styles.${style}`);
        await create({
          id: `${STYLE_PREFIX}${style}`,
          parentId: ROOT,
          title: style === defaultStyle ? t('menu.defaultStyle', { style: name }) : name,
          contexts: CONTEXTS,
        });
      }
      if (templates.length) await create({ id: 'separator', parentId: ROOT, type: 'separator', contexts: CONTEXTS });
      for (const template of templates) {
        await create({ id: `${TEMPLATE_PREFIX}${template.id}`, parentId: ROOT, title: template.name || '…', contexts: CONTEXTS });
      }
    });
  return queue;
}
