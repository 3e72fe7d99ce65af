import { useEffect } from 'react';

/** The hash the popup's "Compare models" opens this page with (entrypoints/background/compare-models.ts). */
const PICKER_HASH = '#compare-models';

/**
 * Calls `open` when the page is opened, or shown again, for Compare models. The hash is removed
 * at once: the tab's address must stay the entry's own, by which Recreate finds the tab again.
 */
export function usePickerHash(open: () => void): void {
  useEffect(() => {
    const check = () => {
      if (location.hash !== PICKER_HASH) return;
      history.replaceState(null, '', location.pathname + location.search);
      open();
    };
    check();
    window.addEventListener('hashchange', check);
    return () => window.removeEventListener('hashchange', check);
  }, [open]);
}
