/**
 * A write refused because the disk or the browser's storage quota is full. Dexie names its
 * error after the DOMException, or wraps it (a transaction aborted by the quota) as `inner`.
 */
export function isQuotaError(error: unknown): boolean {
  for (let e = error as { name?: unknown; inner?: unknown } | undefined, depth = 0; e && depth < 4; depth++) {
    if (e.name === 'QuotaExceededError' || e.name === 'NS_ERROR_DOM_QUOTA_REACHED') return true;
    e = e.inner as typeof e;
  }
  return false;
}
