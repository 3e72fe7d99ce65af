import { elementsAt, findImage } from '@/lib/page/find-image';
import { isLargeEnough } from '@/lib/page/hover-button';
import { showsImage } from '@/lib/page/image-kinds';
import { sendMessage, type HoverButtonUi } from '@/lib/messaging';
import { createButtonView, type ButtonView } from './button-view';

/** How long the button says "sent" after a press. */
const SENT_MS = 1500;

const large = (element: Element) => isLargeEnough(element.getBoundingClientRect());
/** The topmost large image under the point, as a right-click there would find it. */
const imageAt = (x: number, y: number) =>
  elementsAt(document, x, y).find((element) => large(element) && showsImage(element));

/**
 * Follows the pointer over the page while the hover button is on: passive listeners on the
 * window, at most one look per animation frame, and only when the pointer enters another
 * element (not on every move). Returns the switch that removes them all, and the button.
 */
export function followHover(): () => void {
  let ui: Promise<HoverButtonUi | null> | undefined;
  let view: ButtonView | undefined;
  let image: Element | undefined;
  let at: { x: number; y: number } | undefined;
  let frame: number | undefined;

  const place = () => {
    if (!view || !image) return;
    const dir = getComputedStyle(image).direction === 'rtl' ? 'rtl' : 'ltr';
    view.show(image.getBoundingClientRect(), dir);
  };
  const hide = () => {
    image = undefined;
    view?.hide();
    window.removeEventListener('scroll', onScroll, true);
  };
  const choose = async (choice: string) => {
    const chosen = image;
    if (!chosen || !view) return;
    view.setBusy(true);
    try {
      const { target, unreadable } = await findImage([chosen]);
      const found = target ?? unreadable;
      if (found) await sendMessage('startJobForImage', { choice, target: found });
      view.setBusy(false, Boolean(found));
    } catch {
      view.setBusy(false);
    }
    setTimeout(() => view?.setBusy(false), SENT_MS);
  };
  const look = async () => {
    frame = undefined;
    if (!at) return;
    const found = imageAt(at.x, at.y);
    if (!found) return hide();
    // The words come from the worker once per page, on the first large image the pointer meets.
    ui ??= sendMessage('hoverButtonUi').catch(() => null);
    const words = await ui;
    if (!words || (at && imageAt(at.x, at.y) !== found)) return;
    view ??= createButtonView(words, (choice) => void choose(choice));
    if (image !== found) {
      image = found;
      window.addEventListener('scroll', onScroll, { capture: true, passive: true });
    }
    place();
  };
  const soon = () => (frame ??= requestAnimationFrame(() => void look()));
  // Scrolling moves the image under the pointer: look again, once a frame, only while shown.
  function onScroll() {
    soon();
  }
  const onOver = (event: PointerEvent) => {
    // A page's forged events must not place our button (or move it onto something else).
    if (!event.isTrusted || event.pointerType === 'touch') return;
    at = { x: event.clientX, y: event.clientY };
    // Onto our own button: the image under it keeps it.
    if (view?.owns(event.target)) return;
    soon();
  };
  const onOut = (event: PointerEvent) => {
    // Out of the window (not into another element of it): no image is under the pointer any more.
    if (!event.isTrusted || event.relatedTarget) return;
    at = undefined;
    hide();
  };
  const opts = { capture: true, passive: true };
  window.addEventListener('pointerover', onOver, opts);
  window.addEventListener('pointerout', onOut, opts);
  return () => {
    window.removeEventListener('pointerover', onOver, opts);
    window.removeEventListener('pointerout', onOut, opts);
    if (frame !== undefined) cancelAnimationFrame(frame);
    hide();
    view?.remove();
    view = undefined;
  };
}
