import { defineContentScript } from 'wxt/utils/define-content-script';
import { LISTENER_PROBE } from '@/lib/image/listener-probe';

/**
 * Runs in the page's own world, where its event listeners are added: notes which nodes listen for
 * `contextmenu`, because Chromium will not look through an overlay for an image when one does,
 * and the content script (in its isolated world) must know what the browser's menu will show.
 * It answers one question, asked synchronously with an event; it reads and sends nothing else.
 */
export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  runAt: 'document_start',
  world: 'MAIN',
  main() {
    const listening = new WeakSet<EventTarget>();
    const add = EventTarget.prototype.addEventListener;
    EventTarget.prototype.addEventListener = function (this: EventTarget, ...args: Parameters<EventTarget['addEventListener']>) {
      if (args[0] === 'contextmenu' && args[1]) listening.add(this);
      return add.apply(this, args);
    };
    // `el.oncontextmenu = fn` does not go through addEventListener.
    for (const proto of [HTMLElement.prototype, SVGElement.prototype, Document.prototype]) {
      const property = Object.getOwnPropertyDescriptor(proto, 'oncontextmenu');
      if (!property?.set) continue;
      Object.defineProperty(proto, 'oncontextmenu', {
        ...property,
        set(this: EventTarget, value: unknown) {
          if (value) listening.add(this);
          property.set!.call(this, value);
        },
      });
    }
    const listens = (node: Node) => listening.has(node) || (node instanceof Element && node.hasAttribute('oncontextmenu'));
    window.addEventListener(
      LISTENER_PROBE,
      (event) => {
        // Up parentNode, as Chromium walks: a shadow root ends the walk.
        for (let node: Node | null = event.composedPath()[0] as Node; node; node = node.parentNode) {
          if (listens(node)) return event.preventDefault();
        }
      },
      true,
    );
  },
});
