/**
 * The page's own event listeners are invisible to the content script's isolated world; a script
 * in the page's world keeps count and answers this event (cancelled: "yes, a contextmenu listener
 * on the element or an ancestor"). Synchronous, and it carries no data.
 */
export const LISTENER_PROBE = 'promptlens-contextmenu-listener';

/** Asked from the content script. Without the page-world script (Firefox before MAIN-world support), "no". */
export function listensForContextMenu(element: Element): boolean {
  return !element.dispatchEvent(new Event(LISTENER_PROBE, { cancelable: true, composed: true }));
}
