/** A page's relative address made absolute against its base, or undefined when it is no address at all. */
export function absoluteUrl(url: string, base: string): string | undefined {
  try {
    return new URL(url, base).href;
  } catch {
    return undefined;
  }
}
