import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { browser } from 'wxt/browser';
import { useSettings } from '@/components/use-settings';
import { siteOf, withSite } from '@/lib/page/hover-button';
import { loadSettings, settingsItem } from '@/lib/settings';

/** The web site of the tab the popup was opened over: its address is ours to read with the host permission. */
function useActiveSite(): string | undefined {
  const [site, setSite] = useState<string>();
  useEffect(() => {
    browser.tabs.query({ active: true, currentWindow: true }).then(
      ([tab]) => setSite(siteOf(tab?.url)),
      () => setSite(undefined),
    );
  }, []);
  return site;
}

/** "Show the button on this site": only while the hover button is on, and over a web page. */
export function SiteSwitch() {
  const { t } = useTranslation();
  const settings = useSettings();
  const site = useActiveSite();
  // What the user just chose, shown at once: the stored value comes back a moment later.
  const [chosen, setChosen] = useState<boolean>();
  if (!settings?.hoverButton || !site) return null;
  const on = chosen ?? !settings.hoverButtonOffSites.includes(site);
  const toggle = async (next: boolean) => {
    setChosen(next);
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
