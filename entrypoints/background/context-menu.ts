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
 * Two entries, never both on one menu (the browser would fold them into a submenu named after
 * the extension): one always there on what the browser itself calls an image or a video, and one
 * for every other right-click, there only while the content script reports an image under the
 * pointer (a CSS background, a canvas, an image under an overlay…), so plain text gets no entry.
 * It needs 'all': the only context Chromium gives a <canvas>.
 */
const ROOT = 'promptlens';
const PAGE_ROOT = 'promptlens-page';
const MEDIA_CONTEXTS: [Context, ...Context[]] = ['image', 'video'];
/**
 * Hidden is not enough in Chromium: a hidden top-level item still counts when it decides to fold
 * an extension's entries into one submenu. So the idle page entry also moves to a context no page
 * menu has (the toolbar button's, where it stays hidden).
 */
const IDLE_CONTEXTS: [Context, ...Context[]] = ['action'];
const pageEntryState = (visible: boolean) => ({ visible, contexts: visible ? (['all'] as [Context]) : IDLE_CONTEXTS });

/** Survives the worker stopping: the menu is rebuilt on each start, the pointer may not move. */
const pageEntryItem = storage.defineItem<boolean>('session:pageEntryVisible', { fallback: false });

/** Default style first, so "PromptLens ▸ first item" always does what the user set. */
export function orderedStyles(defaultStyle: StyleId): StyleId[] {
  return [defaultStyle, ...STYLE_IDS.filter((style) => style !== defaultStyle)];
}

export type MenuChoice = { style: StyleId } | { templateId: string };

/** A clicked menu item → the style or template it stands for; anything else → undefined. */
export function choiceOfMenuItem(menuItemId: string | number): MenuChoice | undefined {
  const id = String(menuItemId).replace(/^page\//, '');
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

/** Rebuild the menu; calls are serialized so two rebuilds never collide on an id. */
export function syncContextMenu(defaultStyle: StyleId, templates: CustomTemplate[], t: TFunction): Promise<void> {
  worker.menuChanges = worker.menuChanges
    .catch(() => undefined)
    .then(async () => {
      await browser.contextMenus.removeAll();
      const pageEntryVisible = (worker.pageEntryVisible ??= await pageEntryItem.getValue());
      const roots = [
        { parentId: ROOT, prefix: '', contexts: MEDIA_CONTEXTS, state: {} },
        { parentId: PAGE_ROOT, prefix: 'page/', contexts: ['all'] as [Context], state: pageEntryState(pageEntryVisible) },
      ];
      for (const { parentId, prefix, contexts, state } of roots) {
        await create({ id: parentId, title: t('menu.root'), contexts, ...state });
        for (const style of orderedStyles(defaultStyle)) {
          const name = t(`styles.${style}`);
          await create({
            id: `${prefix}${STYLE_PREFIX}${style}`,
            parentId,
            title: style === defaultStyle ? t('menu.defaultStyle', { style: name }) : name,
            contexts,
          });
        }
        if (templates.length) await create({ id: `${prefix}separator`, parentId, type: 'separator', contexts });
        for (const template of templates) {
          await create({ id: `${prefix}${TEMPLATE_PREFIX}${template.id}`, parentId, title: template.name || '…', contexts });
        }
      }
    });
  return worker.menuChanges;
}

/** The content script's report: show the page entry while an image only we can see is under the pointer. */
export function setPageEntryVisible(visible: boolean): Promise<void> {
  if (visible === worker.pageEntryVisible) return worker.menuChanges;
  worker.pageEntryVisible = visible;
  void pageEntryItem.setValue(visible).catch(() => undefined);
  worker.menuChanges = worker.menuChanges
    .catch(() => undefined)
    // Still being built (the worker just started): the build reads pageEntryVisible itself.
    .then(() => browser.contextMenus.update(PAGE_ROOT, pageEntryState(visible)).catch(() => undefined));
  return worker.menuChanges;
}
