/**
 * What the page scan reports for each image a page shows, and what the Batch page lists after
 * duplicates are merged. Plain data: it crosses frames and messaging as JSON.
 */
import type { Size } from '../image/fit-size';

/** `url` can be fetched by the worker; the others can only be read inside the page. */
export type FoundImageKind = 'url' | 'blob' | 'canvas' | 'video' | 'svg';

/** One srcset entry: `w` is the file's width in pixels, `x` its density relative to the layout size. */
export interface SrcsetCandidate {
  url: string;
  w?: number;
  x?: number;
}

/** A `<picture>` `<source>`: candidates of one type, maybe for one media query only. */
export interface PictureSource {
  candidates: SrcsetCandidate[];
  /** MIME type from the `type` attribute. */
  type?: string;
  media?: string;
  /** Whether `media` matched when the page was scanned; art direction means a different crop otherwise. */
  mediaMatches?: boolean;
}

export interface FoundImage {
  kind: FoundImageKind;
  /** What the page shows (`currentSrc`, resolved lazy source, CSS background, `blob:`); absent for canvas/video/svg. */
  url?: string;
  /** Size on screen in CSS pixels. */
  displayed: Size;
  /** Pixel size of the shown file, when the page knows it (`naturalWidth`, `videoWidth`, canvas size). */
  natural?: Size;
  srcset?: SrcsetCandidate[];
  sources?: PictureSource[];
  alt?: string;
  /** From the URL when absent. */
  fileName?: string;
  frameId: number;
  /** Names the element inside its frame, for the kinds only the page can read. */
  elementRef?: string;
  /**
   * A small data URL (≤ 160 px) for the kinds an extension page cannot load by address (canvas,
   * video, svg, blob): the pick view's thumbnail. Not stored with a batch.
   */
  thumbnail?: string;
}

/** One image of the batch: one or more found images that are the same picture. */
export interface BatchCandidate {
  /** Stable across rescans of the same page: the first member's URL or frame + element. */
  id: string;
  kind: FoundImageKind;
  /** The URL the page shows for the first member. */
  url?: string;
  /** The largest displayed / natural size among the members. */
  displayed: Size;
  natural?: Size;
  /** Every rendition the members offer (their URLs with natural size, srcset, `<picture>` sources). */
  srcset: SrcsetCandidate[];
  sources: PictureSource[];
  /** The checkbox's label. */
  name: string;
  frameId: number;
  elementRef?: string;
  /** How many found images were merged into this one. */
  count: number;
  /** The first member's thumbnail (FoundImage.thumbnail): for the pick view only. */
  thumbnail?: string;
}
