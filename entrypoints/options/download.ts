/**
 * Saves text as a file through a blob URL and an <a download>: no "downloads" permission
 * needed. The URL is revoked later, not at once: Firefox reads it after click() returns.
 */
export function download(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
