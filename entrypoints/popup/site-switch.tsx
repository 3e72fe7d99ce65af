import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { browser } from 'wxt/browser';
import { useSettings } from '@/components/use-settings';
import { siteOf, withSite } from '@/lib/page/hover-button';
import { loadSettings, settingsItem } from '@/lib/settings';

/**
 * The web site of the active tab: its address is ours to read with the host permission. The
 * side panel stays open while the user switches tabs and follows links, so it follows them too.
 */
function useActiveSite(): string | undefined {
  const [site, setSite] = useState<string>();
  useEffect(() => {
    const read = () =>
      browser.tabs.query({ active: true, currentWindow: true }).then(
        ([tab]) => setSite(siteOf(tab?.url)),
        () => setSite(undefined),
      );
    const onUpdated = (_id: number, change: { url?: string }, tab: { active?: boolean }) => {
      if (change.url && tab.active) void read();
    };
    void read();
    browser.tabs.onActivated.addListener(read);
    browser.tabs.onUpdated.addListener(onUpdated);
    return () => {
      browser.tabs.onActivated.removeListener(read);
      browser.tabs.onUpdated.removeListener(onUpdated);
    };
  }, []);
  return site;
}

/** "Show the button on this site": only while the hover button is on, and over a web page. */
export function SiteSwitch() {
  const { t } = useTranslation();
  const settings = useSettings();
  const site = useActiveSite();
  // What the user just chose, shown at once: the stored value comes back a moment later.
  const [chosen, setChosen] = useState<{ site: string; on: boolean }>();
  if (!settings?.hoverButton || !site) return null;
  const on = chosen?.site === site ? chosen.on : !settings.hoverButtonOffSites.includes(site);
  const toggle = async (next: boolean) => {
    setChosen({ site, on: next });
    // Read afresh: the options page may have changed other settings since this popup opened.
    const current = await loadSettings();
    await settingsItem.setValue({ ...current, hoverButtonOffSites: withSite(current.hoverButtonOffSites, site, next) });
    setChosen(undefined);
  };
  return (
    <label className="site-switch small">
      <input type="checkbox" checked={on} onChange={(e) => void toggle(e.target.checked)} />
      {t('hoverButton.thisSite')}
    </label>
  );
}
