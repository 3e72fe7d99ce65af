import { elementsAt } from '@/lib/page/find-image';
import { showsImage } from '@/lib/page/image-kinds';
import { sendMessage } from '@/lib/messaging';

/** Often enough to be right by the time a hand reaches the right button, rarely enough to cost nothing. */
const EVERY_MS = 100;

const isFrame = (element: Element | null) =>
  element instanceof HTMLIFrameElement || element instanceof HTMLFrameElement || element instanceof HTMLEmbedElement || element instanceof HTMLObjectElement;

/**
 * The browser decides which menu entries show before any script could answer, so the menu must
 * already be right when the right-click comes: follow the pointer, and tell the background
 * whether any image is under it (whatever the browser's own menu will make of it: a CSS
 * background, a canvas, an image under an overlay…). Only changes are sent. Passive listeners
 * and one look per 100 ms at most while the pointer moves: no DOM writes, no observers.
 */
export function watchPointer(): void {
  let at: { x: number; y: number } | undefined;
  let sent: boolean | undefined;
  let timer: number | undefined;

  const report = (over: boolean) => {
    if (over === sent) return;
    sent = over;
    void sendMessage('pointerOverImage', over).catch(() => (sent = undefined));
  };
  // Scrolling moves the page under a resting pointer, changing what is under it by the frame: no
  // look while it runs (hover changes would ask ten times a second), one once it stops.
  let settling: number | undefined;
  const check = () => {
    timer = undefined;
    if (!at || settling !== undefined) return;
    const stack = elementsAt(document, at.x, at.y);
    // Over a child frame, the frame's own script reports (this one's "no" could arrive after its "yes").
    if (isFrame(stack[0] ?? null)) sent = undefined;
    else report(stack.some(showsImage));
  };
  const soon = () => (timer ??= window.setTimeout(check, EVERY_MS));
  const onceSettled = () => {
    window.clearTimeout(settling);
    settling = window.setTimeout(() => {
      settling = undefined;
      check();
    }, EVERY_MS);
  };
  const follow = (event: MouseEvent, now: boolean) => {
    // A page's own forged events must not move the menu entry (to hide it, or point it elsewhere).
    if (!event.isTrusted) return;
    at = { x: event.clientX, y: event.clientY };
    if (now) check();
    else soon();
  };

  const opts = { capture: true, passive: true };
  window.addEventListener('pointermove', (event) => follow(event, false), opts);
  // Coming back into this document: at once, the pointer may be on its way to a right-click.
  window.addEventListener('pointerover', (event) => follow(event, sent === undefined), opts);
  // Late for this menu, but right for the next one if the page changed under a still pointer.
  window.addEventListener('contextmenu', (event) => follow(event, true), opts);
  window.addEventListener('scroll', () => at && onceSettled(), opts);
  window.addEventListener('pointerout',
    (event) => {
      if (event.relatedTarget || !event.isTrusted) return;
      // Left this document: into a child frame (which reports for itself), or out of the page.
      sent = undefined;
      // Only the top frame says "nothing": a frame's "left" could arrive after its parent's "entered".
      if (window === window.top && !isFrame(document.elementFromPoint(event.clientX, event.clientY))) {
        at = undefined;
        report(false);
      }
    },
    opts,
  );
  document.addEventListener('visibilitychange', () => {
    if (!document.hidden || window !== window.top) return;
    sent = undefined;
    report(false);
  });
}
