import { browser } from 'wxt/browser';
import { onMessage } from '@/lib/messaging';
import { showsOn, siteOf, type HoverButtonSettings } from '@/lib/page/hover-button';
import { followHover } from './follow-hover';

/**
 * The two stored fields this needs, read raw: the settings module (presets, migrations) stays out
 * of the content script.
 */
function fromStored(raw: unknown): HoverButtonSettings {
  const value = (raw && typeof raw === 'object' ? raw : {}) as Partial<Record<keyof HoverButtonSettings, unknown>>;
  const sites = Array.isArray(value.hoverButtonOffSites)
    ? value.hoverButtonOffSites.filter((s): s is string => typeof s === 'string')
    : [];
  return { hoverButton: value.hoverButton === true, hoverButtonOffSites: sites };
}

/**
 * The optional hover button, in the top frame only (frames are mostly ads and players; the
 * right-click works there). While it is off, for everyone or for this site, nothing of it is in
 * the page: no listener, no element. The background tells each tab when the setting changes.
 */
export function hoverButton(): void {
  if (window !== window.top) return;
  const site = siteOf(location.href);
  let stop: (() => void) | undefined;
  const apply = (settings: HoverButtonSettings) => {
    const on = showsOn(settings, site);
    if (on && !stop) stop = followHover();
    else if (!on && stop) {
      stop();
      stop = undefined;
    }
  };
  onMessage('hoverButtonSettings', ({ sender, data }) => {
    if (sender.id !== browser.runtime.id || sender.tab || !data) return;
    apply(fromStored(data));
  });
  if (!site) return;
  void browser.storage.local
    .get('settings')
    .then(({ settings }) => apply(fromStored(settings)))
    .catch(() => undefined);
}
