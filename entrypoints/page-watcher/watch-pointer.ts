import { elementsAt } from '@/lib/page/find-image';
import { showsImage } from '@/lib/page/image-kinds';
import { sendMessage } from '@/lib/messaging';

/** Often enough to be right by the time a hand reaches the right button, rarely enough to cost nothing. */
const EVERY_MS = 100;
/** How long a resting pointer must see no change before the page counts as done scrolling under it. */
const SETTLE_MS = 150;
const IS_TOP = window === window.top;

/*
 * Tests by name and node type, not instanceof: each frame's script world builds an interface
 * object (HTMLIFrameElement, Element…) the first time it names one, a cost paid in every frame
 * the pointer crosses.
 */
const FRAME_TAGS = new Set(['iframe', 'frame', 'embed', 'object']);
const isFrame = (element: Element | null | undefined) =>
  !!element && FRAME_TAGS.has(element.localName) && element.namespaceURI === 'http://www.w3.org/1999/xhtml';
const asElement = (target: EventTarget | undefined): Element | undefined =>
  (target as Node | undefined)?.nodeType === 1 ? (target as Element) : undefined;

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

/** Where the pointer is, and what it is over when that was read from the event. */
interface Seen {
  x: number;
  y: number;
  /** Left out when it would cost more than a hit test later: the look finds it. */
  target?: Element;
}

/**
 * Nothing but one listener until the pointer rests in this document: most frames of a page (ads,
 * embeds, frames scrolled past) never see the pointer, or see it only while they scroll past it,
 * and the watch's own set-up costs each of them more than that listener. Resting means still
 * here 150 ms after coming in; a right-click starts the watch at once. The top document has no
 * such crowd (and nothing scrolls it past the pointer): its watch starts at the first visit.
 */
export function watchPointer(): PointerWatch {
  let watch: PointerWatch | undefined;
  let last: Seen | undefined;
  let pending: number | undefined;
  const opts = { capture: true, passive: true };
  // The pointer is over this document (or one of its frames): the root element is hovered.
  const here = () => document.documentElement?.matches(':hover') === true;
  const start = (from: Seen) => {
    window.clearTimeout(pending);
    window.removeEventListener('pointerover', first, opts);
    window.removeEventListener('contextmenu', first, opts);
    watch = startWatching(from);
  };
  const first = (event: PointerEvent | MouseEvent) => {
    if (!event.isTrusted) return;
    last = { x: event.clientX, y: event.clientY };
    if (event.type === 'contextmenu' || IS_TOP) return start({ ...last, target: asElement(event.composedPath()[0]) });
    pending ??= window.setTimeout(() => {
      pending = undefined;
      if (last && here()) start(last);
    }, SETTLE_MS);
  };
  window.addEventListener('pointerover', first, opts);
  window.addEventListener('contextmenu', first, opts);
  return {
    position: () => {
      if (watch) return watch.position();
      // The shortcut pressed before the watch started: where the pointer came in, if still here.
      if (!last || !here() || isFrame(elementsAt(document, last.x, last.y)[0])) return undefined;
      return { x: last.x, y: last.y };
    },
  };
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
 *   comes under it), and when the pointer comes into the document (a frame scrolling past it
 *   looks the same), nothing but one look once no change has come for 150 ms.
 * The keyboard shortcut reads the same position: one listener per event type for both, as each
 * listener costs a call into this script for every pointer event of the page.
 */
function startWatching(from: Seen): PointerWatch {
  let at: { x: number; y: number } | undefined;
  /**
   * The topmost element under the pointer, as the browser last reported it; unknown (undefined)
   * since the page scrolled under the pointer, until the next look's hit test.
   */
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
  const onScroll = (event: Event) => still(event.timeStamp);
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
    // Not known since the page scrolled: the hit test says (its first element is the one the
    // browser would report, inside open shadow roots too).
    let stack: Element[] | undefined;
    if (!target) {
      stack = elementsAt(document, at.x, at.y);
      target = stack[0];
    }
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
    stack ??= elementsAt(document, at.x, at.y);
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
      // Still changing: check again a full period later rather than at the exact moment the
      // last change turns 150 ms old: while the page keeps scrolling that wakes this script less
      // often, and the look comes 150 to 300 ms after it stops.
      if (performance.now() - lastChange < SETTLE_MS) {
        settling = window.setTimeout(settle, SETTLE_MS);
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
    // Same place, new element: the page scrolled (or changed) under a resting pointer. What is
    // under it is read once, when it stops, not for each element that passes.
    if (at && at.x === event.clientX && at.y === event.clientY) {
      target = undefined;
      return still(event.timeStamp);
    }
    target = asElement(event.composedPath()[0]);
    // Coming into a frame looks the same from inside whether the pointer moved in or the frame
    // scrolled under it; frames flow past a resting pointer by the dozen on a scrolled page, so
    // coming in counts as still too: a pointer that is really moving says so with its next move.
    const entering = !at;
    at = { x: event.clientX, y: event.clientY };
    if (entering && !IS_TOP) still(event.timeStamp);
    else moved();
  };
  // Late for this menu, but right for the next one if the page changed under a still pointer.
  const onMenu = (event: MouseEvent) => {
    if (!event.isTrusted) return;
    at = { x: event.clientX, y: event.clientY };
    target = asElement(event.composedPath()[0]);
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
      if (IS_TOP) report(false);
    },
    { passive: true },
  );
  document.addEventListener('visibilitychange', () => {
    if (!document.hidden || !IS_TOP) return;
    sent = undefined;
    report(false);
  });
  // Resting here, or right-clicking: look now.
  at = { x: from.x, y: from.y };
  target = from.target;
  look();
  return {
    position: () => {
      if (at && !target) target = elementsAt(document, at.x, at.y)[0];
      return at && !isFrame(target) ? { ...at } : undefined;
    },
  };
}
