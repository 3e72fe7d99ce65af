/**
 * The image URLs in a computed CSS image value: `url(…)` layers, and `image-set(…)` where the
 * candidate for the screen's pixel ratio wins. Gradients and `none` give nothing.
 */
const URL_RE = /url\(\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|([^)\s]*))\s*\)/g;

function unescapeCss(value: string): string {
  return value.replace(/\\(.)/g, '$1');
}

/** Split a value at top-level commas (not those inside parentheses). */
function splitTopLevel(value: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(value.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(value.slice(start));
  return parts.map((p) => p.trim()).filter(Boolean);
}

function urlsIn(value: string): string[] {
  return [...value.matchAll(URL_RE)].map((m) => unescapeCss(m[1] ?? m[2] ?? m[3] ?? '')).filter(Boolean);
}

/** `image-set(url(a) 1x, url(b) 2x)` → the candidate closest above the device pixel ratio. */
function fromImageSet(inner: string, dpr: number): string | undefined {
  const candidates = splitTopLevel(inner)
    .map((part) => {
      const [url] = urlsIn(part).length
        ? urlsIn(part)
        : [/^"([^"]*)"|^'([^']*)'/.exec(part)?.slice(1).find(Boolean) ?? ''];
      const density = Number(/\s([\d.]+)(?:x|dppx)\b/.exec(part)?.[1] ?? 1);
      return { url, density };
    })
    .filter((c) => c.url);
  if (!candidates.length) return undefined;
  candidates.sort((a, b) => a.density - b.density);
  return (candidates.find((c) => c.density >= dpr) ?? candidates.at(-1))!.url;
}

/** Each layer's image URL, topmost layer first. */
export function cssImageUrls(value: string, dpr = 1): string[] {
  if (!value || value === 'none') return [];
  const urls: string[] = [];
  for (const layer of splitTopLevel(value)) {
    const set = /^(?:-webkit-)?image-set\((.*)\)$/s.exec(layer);
    if (set) {
      const url = fromImageSet(set[1]!, dpr);
      if (url) urls.push(url);
    } else {
      urls.push(...urlsIn(layer));
    }
  }
  return urls;
}
