import type { ImageTarget } from '@/lib/messaging';

const ASK = 'promptlens:frame-offset?';
const ANSWER = 'promptlens:frame-offset';
const WAIT_MS = 500;

interface Offset {
  x: number;
  y: number;
}

/** The content box of the <iframe> showing `child`, in this frame's viewport. */
function childFrameOrigin(child: MessageEventSource | null): Offset | undefined {
  for (const frame of document.querySelectorAll('iframe, frame')) {
    if ((frame as HTMLIFrameElement).contentWindow !== child) continue;
    const box = frame.getBoundingClientRect();
    const style = getComputedStyle(frame);
    return {
      x: box.left + frame.clientLeft + parseFloat(style.paddingLeft || '0'),
      y: box.top + frame.clientTop + parseFloat(style.paddingTop || '0'),
    };
  }
  return undefined;
}

/**
 * Where this frame's viewport sits in the tab's (the top frame's) viewport, asked up the chain of
 * parent frames (each knows only where its own child frames are). Undefined when a parent does
 * not answer (no content script there): then no screen capture is offered for this frame.
 */
export function offsetInTab(): Promise<Offset | undefined> {
  if (window === window.top) return Promise.resolve({ x: 0, y: 0 });
  const id = crypto.randomUUID();
  return new Promise((resolve) => {
    const done = (offset: Offset | undefined) => {
      window.removeEventListener('message', onAnswer);
      clearTimeout(timer);
      resolve(offset);
    };
    const onAnswer = (event: MessageEvent) => {
      const data = event.data as { type?: string; id?: string; x?: unknown; y?: unknown } | null;
      if (event.source !== window.parent || data?.type !== ANSWER || data.id !== id) return;
      done(typeof data.x === 'number' && typeof data.y === 'number' ? { x: data.x, y: data.y } : undefined);
    };
    const timer = setTimeout(() => done(undefined), WAIT_MS);
    window.addEventListener('message', onAnswer);
    window.parent.postMessage({ type: ASK, id }, '*');
  });
}

/** Answers child frames: where their viewport is, in the tab's viewport. */
export function answerFrameOffsets(): void {
  window.addEventListener('message', (event: MessageEvent) => {
    const data = event.data as { type?: string; id?: string } | null;
    if (data?.type !== ASK || typeof data.id !== 'string' || !event.source) return;
    const origin = childFrameOrigin(event.source);
    if (!origin) return;
    const source = event.source as Window;
    void offsetInTab().then((mine) => {
      const answer = mine
        ? { type: ANSWER, id: data.id, x: mine.x + origin.x, y: mine.y + origin.y }
        : { type: ANSWER, id: data.id };
      source.postMessage(answer, '*');
    });
  });
}

/**
 * The screen-capture box moved from this frame's viewport into the tab's, cut to what this frame
 * shows; without a known position (a parent without our script), no box and so no capture.
 */
export async function inTabViewport(target: ImageTarget): Promise<ImageTarget> {
  if (!target.rect) return target;
  const offset = await offsetInTab();
  const { rect, ...rest } = target;
  if (!offset) return rest;
  const x = Math.max(0, rect.x);
  const y = Math.max(0, rect.y);
  const width = Math.min(innerWidth, rect.x + rect.width) - x;
  const height = Math.min(innerHeight, rect.y + rect.height) - y;
  return { ...rest, rect: { x: x + offset.x, y: y + offset.y, width, height } };
}
