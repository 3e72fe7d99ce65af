import { elementsAt } from '@/lib/page/find-image';
import { showsImage } from '@/lib/page/image-kinds';
import { sendMessage } from '@/lib/messaging';

/** Often enough to be right by the time a hand reaches the right button, rarely enough to cost nothing. */
const EVERY_MS = 100;
/** How long a resting pointer must see no change before the page counts as done scrolling under it. */
const SETTLE_MS = 150;

const isFrame = (element: Element | null | undefined) =>
  element instanceof HTMLIFrameElement ||
  element instanceof HTMLFrameElement ||
  element instanceof HTMLEmbedElement ||
  element instanceof HTMLObjectElement;

/** `outer` is `inner` or holds it, looking through shadow roots to their hosts. */
function holds(outer: Element, inner: Element): boolean {
  // The browser's own test first: walking up by hand costs a call into the DOM per ancestor.
  if (outer.contains(inner)) return true;
  if (!(inner.getRootNode() instanceof ShadowRoot)) return false;
  for (let node: Node | null = inner; node; node = node instanceof ShadowRoot ? node.host : node.parentNode) {
    if (node === outer) return true;
  }
  return false;
}

export interface PointerWatch {
  /** Where the pointer is in this document; undefined outside it or over a child frame (which answers for itself). */
  position(): { x: number; y: number } | undefined;
}

/**
 * Nothing but one listener until the pointer first enters this document: most frames of a page
 * (ads, embeds, frames scrolled past) never see the pointer, and the watch's own set-up costs
 * each of them more than that listener.
 */
export function watchPointer(): PointerWatch {
  let watch: PointerWatch | undefined;
  const opts = { capture: true, passive: true };
  const first = (event: PointerEvent | MouseEvent) => {
    if (!event.isTrusted) return;
    window.removeEventListener('pointerover', first, opts);
    window.removeEventListener('contextmenu', first, opts);
    watch = startWatching(event);
  };
  window.addEventListener('pointerover', first, opts);
  window.addEventListener('contextmenu', first, opts);
  return { position: () => watch?.position() };
}

/**
 * The browser decides which menu entries show before any script could answer, so the menu must
 * already be right when the right-click comes: follow the pointer, and tell the background
 * whether any image is under it (whatever the browser's own menu will make of it: a CSS
 * background, a canvas, an image under an overlay…). Only changes are sent. Passive listeners,
 * no DOM writes, no observers, and as little as possible per event, since they fire in every
 * frame the pointer crosses:
 * - the element under the pointer decides alone when it shows an image (no hit test), and the
 *   pointer moving over it changes nothing;
 * - the full stack under the pointer (elementsFromPoint) only when it does not, at most once per
 *   100 ms while the pointer moves;
 * - while the page scrolls under a resting pointer (the browser then reports each element that
 *   comes under it), nothing but one look once no change has come for 150 ms.
 * The keyboard shortcut reads the same position: one listener per event type for both, as each
 * listener costs a call into this script for every pointer event of the page.
 */
function startWatching(first: PointerEvent | MouseEvent): PointerWatch {
  let at: { x: number; y: number } | undefined;
  /** The topmost element under the pointer, as the browser last reported it. */
  let target: Element | undefined;
  /** The last look needed only `target`: moving over it cannot change the answer. */
  let decided = false;
  const onMove = (event: PointerEvent) => {
    // Chromium also sends moves in place while the page scrolls under a resting pointer.
    if (!event.isTrusted || (at && at.x === event.clientX && at.y === event.clientY)) return;
    at = { x: event.clientX, y: event.clientY };
    moved();
  };
  /**
   * Moves matter only while the element under the pointer does not decide alone: over an image
   * (most of the time on a page of images) nothing listens to them, as each listener costs a call
   * into this script for every move. The position then stays where the pointer entered the
   * element, which is still on it.
   */
  const decide = (alone: boolean) => {
    if (alone === decided) return;
    decided = alone;
    if (alone) window.removeEventListener('pointermove', onMove, { capture: true });
    else window.addEventListener('pointermove', onMove, { capture: true, passive: true });
  };
  let sent: boolean | undefined;
  let lastLook = -Infinity;
  let timer: number | undefined;
  let lastChange = 0;
  let settling: number | undefined;

  const report = (over: boolean) => {
    if (over === sent) return;
    sent = over;
    void sendMessage('pointerOverImage', over).catch(() => (sent = undefined));
  };
  // Scrolling while the pointer is over something covered (an overlay, a fixed layer) changes
  // what is beneath without a new target: only then is the page's scrolling our business.
  const onScroll = () => still(performance.now());
  let scrollWatched = false;
  const watchScroll = (on: boolean) => {
    if (on === scrollWatched) return;
    scrollWatched = on;
    if (on) window.addEventListener('scroll', onScroll, { capture: true, passive: true });
    else window.removeEventListener('scroll', onScroll, { capture: true });
  };

  const look = () => {
    window.clearTimeout(timer);
    timer = undefined;
    lastLook = performance.now();
    if (!at) return;
    // Over a child frame, the frame's own script reports (this one's "no" could arrive after its "yes").
    if (isFrame(target)) {
      sent = undefined;
      decide(true);
      watchScroll(false);
      return;
    }
    if (target && showsImage(target)) {
      decide(true);
      watchScroll(false);
      report(true);
      return;
    }
    decide(false);
    const stack = elementsAt(document, at.x, at.y);
    const top = stack[0];
    // Something under the pointer that is not the element or its ancestors: scrolling can change it.
    watchScroll(Boolean(top && stack.some((element) => !holds(element, top))));
    if (isFrame(top)) sent = undefined;
    else report(stack.some(showsImage));
  };
  /** The pointer moved: at once, or when 100 ms have passed since the last look. */
  const moved = () => {
    if (timer !== undefined) return;
    const wait = lastLook + EVERY_MS - performance.now();
    if (wait <= 0) look();
    else timer = window.setTimeout(look, wait);
  };
  /** The page moved under a resting pointer: one look once it has been still for a while. */
  const still = (now: number) => {
    lastChange = now;
    if (settling !== undefined) return;
    settling = window.setTimeout(function settle() {
      const left = lastChange + SETTLE_MS - performance.now();
      if (left > 0) {
        settling = window.setTimeout(settle, left);
        return;
      }
      settling = undefined;
      look();
    }, SETTLE_MS);
  };

  const opts = { capture: true, passive: true };
  // A page's own forged events must not move the menu entry (to hide it, or point it elsewhere).
  const onOver = (event: PointerEvent | MouseEvent) => {
    if (!event.isTrusted) return;
    const hit = event.composedPath()[0];
    target = hit instanceof Element ? hit : undefined;
    // Same place, new element: the page scrolled (or changed) under a resting pointer.
    if (at && at.x === event.clientX && at.y === event.clientY) return still(performance.now());
    at = { x: event.clientX, y: event.clientY };
    moved();
  };
  // Late for this menu, but right for the next one if the page changed under a still pointer.
  const onMenu = (event: MouseEvent) => {
    if (!event.isTrusted) return;
    at = { x: event.clientX, y: event.clientY };
    const hit = event.composedPath()[0];
    target = hit instanceof Element ? hit : undefined;
    look();
  };
  window.addEventListener('pointerover', onOver, opts);
  window.addEventListener('pointermove', onMove, opts);
  window.addEventListener('contextmenu', onMenu, opts);
  // Leaving this document (out of the window, or out of this frame): the root element's own
  // leave, which fires once, where a capture listener for pointerout would run on every element
  // change. Into a child frame is not a leave here: the pointer is then over the <iframe> element.
  document.documentElement.addEventListener(
    'pointerleave',
    (event) => {
      if (!event.isTrusted) return;
      sent = undefined;
      at = undefined;
      target = undefined;
      watchScroll(false);
      // Only the top frame says "nothing": a frame's "left" could arrive after its parent's "entered".
      if (window === window.top) report(false);
    },
    { passive: true },
  );
  document.addEventListener('visibilitychange', () => {
    if (!document.hidden || window !== window.top) return;
    sent = undefined;
    report(false);
  });
  if (first.type === 'contextmenu') onMenu(first);
  else onOver(first);
  return { position: () => (at && !isFrame(target) ? { ...at } : undefined) };
}
