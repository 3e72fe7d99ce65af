/** Every message PromptLens sends, in one typed map. */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { BatchStartRequest, PageScan } from './batch/batch-record';
import type { CompareStart } from './compare-models/comparison';
import type { FoundImage, FoundImageKind } from './batch/found-image';
import type { JobError } from './errors';
import type { HoverButtonSettings } from './page/hover-button';
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

export type ConnectionCheck = { ok: true; model: string; reply: string; ms: number } | { ok: false; error: JobError };

/** The hover button's words in the interface language, and what it offers: the default style first. */
export interface HoverButtonUi {
  lang: string;
  dir: 'ltr' | 'rtl';
  /** The main button's name and tooltip, naming the default style. */
  label: string;
  /** The name of the button that opens the menu of the other choices. */
  more: string;
  /** Menu item ids, as the context menu's (`style:…`, `template:…`), default style first. */
  choices: Array<{ id: string; label: string }>;
}

export interface ProtocolMap {
  /** background → content script of the clicked frame; `srcUrl` is the menu's, when it named an image. */
  getImageTarget(hint?: { srcUrl?: string }): ImageTarget | null;
  /**
   * background → content script of the frame the pointer was last over an image in (keyboard
   * shortcut): the image under the pointer now, found by the same rules as a right-click.
   */
  getImageUnderPointer(): ImageTarget | null;
  /** background → content script: SVG markup to PNG, where a DOM can draw it. */
  rasterizeSvg(markup: string): string;
  /**
   * content script → background: the pointer is (or is no longer) over an image of any kind, so
   * PromptLens's entry shows on every right-click there, not only on what the browser calls an image.
   */
  pointerOverImage(over: boolean): void;
  /** content script → background: the hover button's words and choices. */
  hoverButtonUi(): HoverButtonUi | null;
  /** content script → background: the hover button was pressed on this image; `choice` is a menu item id. */
  startJobForImage(request: { choice: string; target: ImageTarget }): void;
  /** background → each tab's top frame: the hover button was turned on or off (everywhere or for a site). */
  hoverButtonSettings(settings: HoverButtonSettings): void;
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
  regenerateJob(request: {
    jobId: string;
    style: StyleId;
    templateId?: string;
    detail: DetailLevel;
  }): string | undefined;
  testConnection(): ConnectionCheck;
  /**
   * Recreate: the prompt's text to the image provider; opens (or focuses) the entry's Compare page. Answers the
   * generation's id.
   */
  recreateJob(jobId: string): string | undefined;
  cancelGeneration(generationId: string): void;
  /** The entry's Compare page, without starting anything (history rows with a recreation). */
  openCompare(entryId: string): void;
  /**
   * "How close?": the vision provider judges a finished recreation (of any entry) against its
   * original; the verdict, or why there is none, lands on the recreation's record (`score`).
   */
  scoreGeneration(generationId: string): void;
  /** "Refine": a better prompt from a recreation and its verdict, as a new prompt of the entry (`refinedJobId`). */
  refinePrompt(generationId: string): void;
  /** "Refine and recreate": rounds from this recreation until the target score or the round limit (`refineRun`). */
  refineAndRecreate(generationId: string): void;
  /** Cancel whichever of the three runs from this recreation. */
  cancelScoring(generationId: string): void;
  /** Compare models: the job's stored image through 2–4 saved vision models, side by side (one job each). */
  compareModels(request: { jobId: string; modelIds: string[] }): CompareStart;
  /** One Compare models column again, with its own model (not the default). */
  retryComparisonColumn(jobId: string): void;
  /** Popup → background: the entry's Compare page with the model picker open. */
  openCompareModels(entryId: string): void;

  /** Batch (issue 13). background → every frame's content script: the images this frame shows. */
  scanImages(): FoundImage[];
  /** Batch page → background: scan every frame of the tab (Rescan too). */
  scanTab(tabId: number): PageScan;
  /**
   * background → the content script of the frame a batch image is in: the pixels of an image only
   * the page can read (canvas, video frame, inline SVG drawn to PNG, blob:), named by the scan's
   * `elementRef`, as a data URL; null when the element is gone.
   */
  readScannedImage(request: { elementRef?: string; url?: string; kind: FoundImageKind }): ImageTarget | null;
  /** Batch page → background: run these images through the queue; answers the batch id. */
  startBatch(request: BatchStartRequest): string;
  /** Batch page → background: Pause / Resume / Stop. */
  controlBatch(request: { batchId: string; action: 'pause' | 'resume' | 'stop' }): void;
  /** Batch page → background: Retry one failed image (or every failed one when `itemId` is absent). */
  retryBatchItems(request: { batchId: string; itemId?: string }): void;
  /** Popup / menu → background: open the Batch page for a tab (a running batch of that tab shows where it is). */
  openBatch(request: { tabId: number }): void;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
