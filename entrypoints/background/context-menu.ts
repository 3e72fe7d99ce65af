import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import type { TFunction } from 'i18next';
import { STYLE_IDS, isStyleId, type StyleId } from '@/lib/prompt/styles';
import type { CustomTemplate } from '@/lib/prompt/templates';
import { worker } from './worker-state';

const STYLE_PREFIX = 'style:';
const TEMPLATE_PREFIX = 'template:';
type Context = NonNullable<Parameters<typeof browser.contextMenus.create>[0]['contexts']>[number];

/**
 * ONE entry (Chromium folds two top-level entries of one extension into a submenu named after
 * it). Its contexts follow the content script's report: while an image of any kind is under the
 * pointer, 'all' (the only context Chromium gives a <canvas>, a CSS background or an image under
 * a script-handled overlay); otherwise only what the browser itself calls an image or a video,
 * so plain text gets no entry and an <img> has it even before the pointer report arrives.
 */
const ROOT = 'promptlens';
const IDLE_CONTEXTS: [Context, ...Context[]] = ['image', 'video'];
const rootContexts = (overImage: boolean): [Context, ...Context[]] => (overImage ? ['all'] : IDLE_CONTEXTS);

/**
 * "All images on this page…": the last child of the entry on an image, and on anything else
 * (text, a link, empty space, any frame) an entry of its own, the only one. Chromium shows 'page'
 * only where no image, link, selection or editable field is, hence the list. While an image is
 * under the pointer the root matches everywhere, and two top-level entries would be folded into
 * a submenu: then it keeps only the toolbar button's menu ('action'), where it always is.
 * (Chromium counts a `visible: false` entry when it decides to fold, so hiding it is no way out.)
 */
const BATCH_IN_ROOT = 'batch:image';
const BATCH_ALONE = 'batch:page';
const batchContexts = (overImage: boolean): [Context, ...Context[]] =>
  overImage ? ['action'] : ['page', 'frame', 'link', 'selection', 'editable', 'action'];

/** Whether a clicked menu item is "All images on this page…". */
export const isBatchMenuItem = (menuItemId: string | number) =>
  menuItemId === BATCH_IN_ROOT || menuItemId === BATCH_ALONE;

/** Survives the worker stopping: the menu is rebuilt on each start, the pointer may not move. */
const overImageItem = storage.defineItem<boolean>('session:pointerOverImage', { fallback: false });

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
  if (id.startsWith(TEMPLATE_PREFIX) && id.length > TEMPLATE_PREFIX.length)
    return { templateId: id.slice(TEMPLATE_PREFIX.length) };
  return undefined;
}

/** The menu item id of a style or template: also how the hover button names its choices. */
export const menuItemIdOf = (choice: MenuChoice) =>
  'style' in choice ? `${STYLE_PREFIX}${choice.style}` : `${TEMPLATE_PREFIX}${choice.templateId}`;

function create(props: Parameters<typeof browser.contextMenus.create>[0]): Promise<void> {
  return new Promise((resolve, reject) => {
    browser.contextMenus.create(props, () => {
      const error = browser.runtime.lastError;
      if (error) reject(new Error(error.message));
      else resolve();
    });
  });
}

/** Rebuild the menu; calls are serialized so two rebuilds never collide on an id. */
export function syncContextMenu(defaultStyle: StyleId, templates: CustomTemplate[], t: TFunction): Promise<void> {
  worker.menuChanges = worker.menuChanges
    .catch(() => undefined)
    .then(async () => {
      await browser.contextMenus.removeAll();
      worker.pointerOverImage ??= await overImageItem.getValue();
      const overImage = worker.pointerOverImage;
      await create({ id: ROOT, title: t('menu.root'), contexts: rootContexts(overImage) });
      // Children match everywhere: whether the entry shows is the root's business alone.
      const contexts: [Context] = ['all'];
      for (const style of orderedStyles(defaultStyle)) {
        const name = t(`styles.${style}`);
        await create({
          id: `${STYLE_PREFIX}${style}`,
          parentId: ROOT,
          title: style === defaultStyle ? t('menu.defaultStyle', { style: name }) : name,
          contexts,
        });
      }
      if (templates.length) await create({ id: 'separator', parentId: ROOT, type: 'separator', contexts });
      for (const template of templates) {
        await create({ id: `${TEMPLATE_PREFIX}${template.id}`, parentId: ROOT, title: template.name || '…', contexts });
      }
      await create({ id: 'separator:batch', parentId: ROOT, type: 'separator', contexts });
      await create({ id: BATCH_IN_ROOT, parentId: ROOT, title: t('batch.menu'), contexts });
      await create({ id: BATCH_ALONE, title: t('batch.menu'), contexts: batchContexts(overImage) });
    });
  return worker.menuChanges;
}

/** The content script's report: an image (of any kind) is, or is no longer, under the pointer. */
export function setPointerOverImage(over: boolean): Promise<void> {
  if (over === worker.pointerOverImage) return worker.menuChanges;
  worker.pointerOverImage = over;
  void overImageItem.setValue(over).catch(() => undefined);
  worker.menuChanges = worker.menuChanges
    .catch(() => undefined)
    // Still being built (the worker just started): the build reads pointerOverImage itself.
    .then(() =>
      Promise.all([
        browser.contextMenus.update(ROOT, { contexts: rootContexts(over) }),
        browser.contextMenus.update(BATCH_ALONE, { contexts: batchContexts(over) }),
      ]).then(
        () => undefined,
        () => undefined,
      ),
    );
  return worker.menuChanges;
}
