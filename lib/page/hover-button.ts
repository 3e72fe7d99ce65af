/**
 * The hover button's rules, without a DOM: which images get it, where it sits, and on which
 * sites it shows. Runs in the content script (and the popup, for the per-site switch).
 */

/** Smaller images are thumbnails, icons and avatars: a button there would cover what it is about. */
export const MIN_SHORT_SIDE = 200;
/** From the image's edges, so the button never sits on the page outside the image. */
export const INSET = 8;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const isLargeEnough = (box: Box) => Math.min(box.width, box.height) >= MIN_SHORT_SIDE;

/**
 * The button's top-left corner in the viewport: the image's top end corner (right on a
 * left-to-right page, left on a right-to-left one), kept inside the viewport when the image's
 * top is scrolled away.
 */
export function buttonCorner(
  image: Box,
  button: { width: number; height: number },
  dir: 'ltr' | 'rtl',
  viewport: { width: number; height: number },
): { x: number; y: number } {
  const x = dir === 'rtl' ? image.x + INSET : image.x + image.width - INSET - button.width;
  const top = Math.max(image.y, 0) + INSET;
  const y = Math.min(top, image.y + image.height - INSET - button.height);
  return {
    x: Math.round(Math.min(Math.max(x, 0), viewport.width - button.width)),
    y: Math.round(Math.min(Math.max(y, 0), viewport.height - button.height)),
  };
}

/** The site a per-site switch is about: the page's hostname (any port, any scheme); none for non-web pages. */
export function siteOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const { protocol, hostname } = new URL(url);
    return (protocol === 'http:' || protocol === 'https:') && hostname ? hostname.toLowerCase() : undefined;
  } catch {
    return undefined;
  }
}

export interface HoverButtonSettings {
  hoverButton: boolean;
  hoverButtonOffSites: string[];
}

/** Whether the button shows on a page of this site. */
export const showsOn = (settings: HoverButtonSettings, site: string | undefined) =>
  settings.hoverButton && !!site && !settings.hoverButtonOffSites.includes(site);

/** The off-list after the per-site switch is set to `on` for `site`. */
export function withSite(offSites: string[], site: string, on: boolean): string[] {
  const rest = offSites.filter((s) => s !== site);
  return on ? rest : [...rest, site];
}
