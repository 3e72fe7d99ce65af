import type { OffscreenNormalizeRequest } from '@/lib/image/offscreen-protocol';

/** Decodes on its own thread (decode-worker.ts): this page only passes requests on. */
const decoder = new Worker(new URL('./decode-worker.ts', import.meta.url), { type: 'module' });

// Setting onmessage (rather than addEventListener) also starts the client's message queue.
navigator.serviceWorker.onmessage = (event: MessageEvent<OffscreenNormalizeRequest>) => {
  const port = event.ports[0];
  // Only our own worker can reach this page: it is an extension page no site can open or frame.
  if (!port || event.data?.type !== 'promptlens:normalize') return;
  decoder.postMessage(event.data, [port]);
};
