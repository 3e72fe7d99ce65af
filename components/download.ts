/**
 * Saves text or a blob as a file through a blob URL and an <a download>: no "downloads"
 * permission needed. The URL is revoked later, not at once: Firefox reads it after click() returns.
 */
export function download(content: string | Blob, fileName: string, type = ''): void {
  const url = URL.createObjectURL(typeof content === 'string' ? new Blob([content], { type }) : content);
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
