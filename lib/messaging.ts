/** Every message PromptLens sends, in one typed map. */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { JobError } from './errors';
import type { DetailLevel } from './prompt/detail';
import type { StyleId } from './prompt/styles';

/** What the content script saw under the pointer when the context menu opened. */
export interface ImageTarget {
  /** Where the background can download it. */
  url?: string;
  /** Pixels only the page could read (blob:, canvas, video frame, inline SVG), as a data URL. */
  dataUrl?: string;
  /** Natural size as the page decoded it, when known. */
  width?: number;
  height?: number;
  /**
   * The element's visible box in the tab's viewport (CSS px; a frame's own box is moved by where
   * the frame sits) and the device pixel ratio: for a screen capture.
   */
  rect?: { x: number; y: number; width: number; height: number };
  dpr?: number;
  /** The page's own alt text for it, when it has one: shown beside an alt-text result. */
  alt?: string;
}

export type ConnectionCheck =
  | { ok: true; model: string; reply: string; ms: number }
  | { ok: false; error: JobError };

export interface ProtocolMap {
  /** background → content script of the clicked frame; `srcUrl` is the menu's, when it named an image. */
  getImageTarget(hint?: { srcUrl?: string }): ImageTarget | null;
  /** background → content script: SVG markup to PNG, where a DOM can draw it. */
  rasterizeSvg(markup: string): string;
  /**
   * content script → background: the pointer is (or is no longer) over an image of any kind, so
   * PromptLens's entry shows on every right-click there, not only on what the browser calls an image.
   */
  pointerOverImage(over: boolean): void;
  /**
   * content script → background: a trusted right-click on this image; the worker may download
   * and normalize it while the menu is open (entrypoints/background/prepared-images.ts).
   */
  prepareImage(image: { url: string }): void;
  /** extension pages → background. */
  /** Wakes the worker, so a stopped one recovers its jobs before the popup shows them. */
  ping(): void;
  /** Whether a prompt could be made now; the popup never reads the key itself. */
  getSetupStatus(): { ready: boolean };
  retryJob(jobId: string): void;
  cancelJob(jobId: string): void;
  /** The same image in another style, template or detail; answers the new job's id. */
  regenerateJob(request: { jobId: string; style: StyleId; templateId?: string; detail: DetailLevel }): string | undefined;
  testConnection(): ConnectionCheck;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
