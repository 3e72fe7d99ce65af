import type { HoverButtonUi } from '@/lib/messaging';
import { buttonCorner, type Box } from '@/lib/page/hover-button';
import { BUTTON_CSS } from './button-css';

/** Highest there is: above the page's own overlays (only the browser's top layer is higher). */
const TOP = '2147483647';
const SVG_NS = 'http://www.w3.org/2000/svg';

export interface ButtonView {
  /** Shows the button at the image's top end corner (`dir`: the page's direction there). */
  show(image: Box, dir: 'ltr' | 'rtl'): void;
  hide(): void;
  readonly shown: boolean;
  /** Whether an event's target is the button (the page sees only our host element). */
  owns(target: EventTarget | null): boolean;
  setBusy(busy: boolean, sent?: boolean): void;
  remove(): void;
}

/** A lens, the product's mark, drawn here so the page loads nothing. */
function lens(): SVGSVGElement {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('aria-hidden', 'true');
  const circle = document.createElementNS(SVG_NS, 'circle');
  for (const [k, v] of [
    ['cx', '6.5'],
    ['cy', '6.5'],
    ['r', '4.5'],
  ])
    circle.setAttribute(k!, v!);
  const handle = document.createElementNS(SVG_NS, 'path');
  handle.setAttribute('d', 'M10 10l4.5 4.5');
  svg.append(circle, handle);
  return svg;
}

function button(className: string, label: string): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = className;
  b.title = label;
  b.setAttribute('aria-label', label);
  return b;
}

/**
 * The button, in a closed shadow root on one element of ours at the end of <html>: fixed, 0×0,
 * click-through, so the page's layout never moves and its elements and styles are untouched.
 * The host is added on first use and stays (adding and removing it at each hover would wake
 * the page's MutationObservers each time); showing and hiding happen inside the closed root,
 * where the page cannot see them.
 */
export function createButtonView(ui: HoverButtonUi, onChoose: (choiceId: string) => void): ButtonView {
  const host = document.createElement('promptlens-button');
  const hostStyle: Array<[string, string]> = [
    ['all', 'initial'],
    ['position', 'fixed'],
    ['top', '0'],
    ['left', '0'],
    ['width', '0'],
    ['height', '0'],
    ['overflow', 'visible'],
    ['z-index', TOP],
    ['pointer-events', 'none'],
    ['display', 'block'],
  ];
  for (const [name, value] of hostStyle) host.style.setProperty(name, value, 'important');
  const root = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = BUTTON_CSS;
  const wrap = document.createElement('div');
  wrap.className = 'wrap';
  wrap.hidden = true;
  wrap.dir = ui.dir;
  wrap.lang = ui.lang;
  const main = button('main', ui.label);
  main.append(lens());
  const more = button('more', ui.more);
  more.textContent = '▾';
  more.setAttribute('aria-haspopup', 'menu');
  more.setAttribute('aria-expanded', 'false');
  const menu = document.createElement('div');
  menu.setAttribute('role', 'menu');
  menu.setAttribute('aria-label', ui.more);
  menu.hidden = true;
  const items = ui.choices.slice(1).map(({ id, label }) => {
    const item = document.createElement('button');
    item.type = 'button';
    item.setAttribute('role', 'menuitem');
    item.tabIndex = -1;
    item.textContent = label;
    item.dataset.choice = id;
    return item;
  });
  menu.append(...items);
  wrap.append(main, more, menu);
  root.append(style, wrap);

  const focus = (element: HTMLElement | undefined) => element?.focus({ preventScroll: true });
  const setMenu = (open: boolean) => {
    menu.hidden = !open;
    more.setAttribute('aria-expanded', String(open));
    if (open) focus(items[0]);
  };
  const closeMenu = (refocus: boolean) => {
    if (menu.hidden) return;
    setMenu(false);
    if (refocus) focus(more);
  };

  // Only the user's own presses: a page can dispatch clicks and keys at our host.
  root.addEventListener('click', (event) => {
    if (!event.isTrusted) return;
    const target = event.target as Element;
    if (target.closest('.main')) onChoose(ui.choices[0]!.id);
    else if (target.closest('.more')) setMenu(Boolean(menu.hidden));
    else {
      const choice = target.closest<HTMLElement>('[role="menuitem"]')?.dataset.choice;
      if (!choice) return;
      closeMenu(true);
      onChoose(choice);
    }
  });
  root.addEventListener('keydown', (event) => {
    if (!event.isTrusted || !(event instanceof KeyboardEvent)) return;
    if (event.key === 'Escape') {
      closeMenu(true);
      event.stopPropagation();
      return;
    }
    if (menu.hidden) return;
    const at = items.indexOf(root.activeElement as HTMLButtonElement);
    const step: Record<string, number> = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: items.length - 1 };
    if (!(event.key in step)) return;
    event.preventDefault();
    focus(items[(step[event.key]! + items.length) % items.length]);
  });
  root.addEventListener('focusout', (event) => {
    // Focus left the menu (Tab, a click elsewhere): close it, as menus do.
    if (!root.contains((event as FocusEvent).relatedTarget as Node | null)) closeMenu(false);
  });
  // Presses on the button are ours: the page's own handlers (a lightbox on click) are not told.
  // On the root, after ours: listeners of one node all run, the page's beyond it do not.
  for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click', 'dblclick', 'contextmenu']) {
    root.addEventListener(type, (event) => event.stopPropagation());
  }

  let shown = false;
  return {
    get shown() {
      return shown;
    },
    show(image, dir) {
      if (!host.isConnected) document.documentElement.append(host);
      wrap.hidden = false;
      const size = { width: wrap.offsetWidth, height: wrap.offsetHeight };
      const at = buttonCorner(image, size, dir, { width: innerWidth, height: innerHeight });
      wrap.style.transform = `translate(${at.x}px, ${at.y}px)`;
      wrap.classList.toggle('left', dir === 'rtl');
      shown = true;
    },
    hide() {
      closeMenu(false);
      wrap.hidden = true;
      shown = false;
    },
    owns: (target) => target === host,
    setBusy(busy, sent) {
      main.setAttribute('aria-busy', String(busy));
      main.classList.toggle('sent', Boolean(sent));
    },
    remove() {
      host.remove();
      shown = false;
    },
  };
}
