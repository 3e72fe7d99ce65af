/**
 * The last few right-clicks in a page, newest last. The background asks which image a menu
 * choice was about only after the choice: a quick user may already have right-clicked the
 * next image by then, so the one whose <img>/<video> the browser named (srcUrl) is looked up
 * instead of simply taking the latest.
 */
const KEEP = 8;

export interface RecentClicks {
  record(stack: Element[]): void;
  /** The stack of the newest right-click on `srcUrl`, or of the newest right-click. */
  stackFor(srcUrl?: string): Element[];
}

const shows = (element: Element, url: string) =>
  (element instanceof HTMLImageElement || element instanceof HTMLVideoElement) &&
  (element.currentSrc === url || element.src === url);

export function recentClicks(): RecentClicks {
  const stacks: Element[][] = [];
  return {
    record(stack) {
      stacks.push(stack);
      if (stacks.length > KEEP) stacks.shift();
    },
    stackFor(srcUrl) {
      if (srcUrl) {
        for (let i = stacks.length - 1; i >= 0; i--)
          if (stacks[i]!.some((element) => shows(element, srcUrl))) return stacks[i]!;
      }
      return stacks.at(-1) ?? [];
    },
  };
}
