import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { browser } from 'wxt/browser';
import { ImageProviderPrivacy } from '@/components/image-provider-privacy';
import { useSettings } from '@/components/use-settings';
import { PRESETS } from '@/lib/providers/presets';
import { providerName } from '@/lib/providers/provider-names';

/** Paragraph keys of each part of the page, in reading order. */
const PARTS = {
  sent: ['sentImage', 'sentWhat', 'sentNotUs', 'sentSource', 'sentTest', 'sentProvider'],
  stored: ['storedSettings', 'storedKeys', 'storedHistory', 'storedConsent'],
  delete: ['deleteOne', 'deleteRetention', 'deleteAll', 'deleteKey', 'deleteUninstall'],
} as const;

/** What goes where, in plain words: the promises of the README, kept by the code. */
export default function App() {
  const { t } = useTranslation();
  const settings = useSettings();
  useEffect(() => {
    document.title = t('privacy.page.title');
  }, [t]);
  const current = settings && {
    provider: providerName(settings.provider, t),
    address: settings.connections[settings.provider].baseUrl.trim(),
  };
  const list = (keys: readonly string[]) => (
    <ul>
      {keys.map((key) => (
        <li key={key}>{t(`privacy.page.${key}` as never)}</li>
      ))}
    </ul>
  );
  return (
    <main className="privacy-page">
      <h1>{t('privacy.page.title')}</h1>
      <p className="lead">{t('privacy.page.intro')}</p>
      <section aria-labelledby="sent">
        <h2 id="sent">{t('privacy.page.sentTitle')}</h2>
        {list(PARTS.sent)}
        <p>{t('prepare.privacy')}</p>
        {settings && PRESETS[settings.provider].kind === 'on-device' && <p className="note">{t('onDevice.privacy')}</p>}
        {current && PRESETS[settings.provider].kind !== 'on-device' && (
          <p className="note">
            {t('privacy.page.current', { provider: current.provider })}{' '}
            <bdi dir="ltr" className="address">
              {current.address}
            </bdi>
          </p>
        )}
        <p>{t('generation.privacyPage')}</p>
        {settings && (
          <p className="note">
            <ImageProviderPrivacy settings={settings} withAddress />
          </p>
        )}
      </section>
      <section aria-labelledby="stored">
        <h2 id="stored">{t('privacy.page.storedTitle')}</h2>
        {list(PARTS.stored)}
      </section>
      <section aria-labelledby="delete">
        <h2 id="delete">{t('privacy.page.deleteTitle')}</h2>
        {list(PARTS.delete)}
        <p>
          <a href={browser.runtime.getURL('/options.html')}>{t('privacy.page.openSettings')}</a>
        </p>
      </section>
    </main>
  );
}
