import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { browser } from 'wxt/browser';
import type { Job } from '@/lib/jobs/types';
import { sendMessage } from '@/lib/messaging';
import { grantConsent } from '@/lib/privacy/consent';
import { PRESETS } from '@/lib/providers/presets';
import { providerName } from '@/lib/providers/provider-names';
import { ErrorPanel } from '@/components/error-panel';
import { ImageProviderPrivacy } from '@/components/image-provider-privacy';
import { useSettings } from '@/components/use-settings';
import './privacy-notice.css';

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).host || undefined;
  } catch {
    return undefined;
  }
}

/**
 * The one-time notice before an image first goes to a provider (again after a change of
 * provider or address). The job waits with its image stored; "Send" records the OK for the
 * destination the settings name now, and retries the job, which sends to exactly that.
 */
export function PrivacyNotice({ job }: { job: Job }) {
  const { t } = useTranslation();
  const settings = useSettings();
  const [later, setLater] = useState(false);
  if (!settings) return null;
  const to = { provider: settings.provider, baseUrl: settings.connections[settings.provider].baseUrl.trim() };
  const name = (PRESETS[to.provider].namedByHost && hostOf(to.baseUrl)) || providerName(to.provider, t);
  if (later) {
    return (
      <ErrorPanel error={job.error ?? { code: 'consent-required' }} provider={name} model={job.model}>
        <button type="button" onClick={() => setLater(false)}>
          {t('privacy.notice.review')}
        </button>
      </ErrorPanel>
    );
  }
  const send = async () => {
    await grantConsent(to);
    await sendMessage('retryJob', job.id);
  };
  return (
    <section className="notice privacy-notice" aria-labelledby="privacy-notice-title">
      <h3 id="privacy-notice-title">{t('privacy.notice.title', { provider: name })}</h3>
      <p>{t('privacy.notice.what', { provider: name })}</p>
      <p className="address">
        <bdi dir="ltr">{to.baseUrl}</bdi>
      </p>
      <ul className="small">
        <li>{t('privacy.notice.notUs')}</li>
        <li>
          <ImageProviderPrivacy settings={settings} />
        </li>
        <li>{t('privacy.notice.local')}</li>
        <li>{t('privacy.notice.again')}</li>
      </ul>
      <div className="row">
        <button type="button" className="primary" onClick={() => void send()}>
          {t('privacy.notice.send', { provider: name })}
        </button>
        <button type="button" onClick={() => setLater(true)}>
          {t('privacy.notice.notNow')}
        </button>
        <a className="small" href={browser.runtime.getURL('/privacy.html')} target="_blank" rel="noreferrer">
          {t('privacy.notice.more')}
        </a>
      </div>
    </section>
  );
}
