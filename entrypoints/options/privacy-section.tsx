import { useTranslation } from 'react-i18next';
import { browser } from 'wxt/browser';
import { RETENTIONS, isRetention } from '@/lib/settings';
import { CheckField } from './check-field';
import { DeleteAllData } from './delete-all-data';
import { SelectField } from './select-field';
import { useSettingsStore } from './settings-store';

/** How long history is kept, what it records, what goes where, and starting afresh. */
export function PrivacySection() {
  const { t } = useTranslation();
  const settings = useSettingsStore((state) => state.settings);
  const update = useSettingsStore((state) => state.update);
  if (!settings) return null;
  return (
    <section className="card">
      <h2>{t('privacy.options.section')}</h2>
      <p className="small muted privacy">
        {t('options.privacy')}{' '}
        <a href={browser.runtime.getURL('/privacy.html')} target="_blank" rel="noreferrer">
          {t('privacy.options.pageLink')}
        </a>
      </p>
      <SelectField
        label={t('privacy.options.retention')}
        hint={t('privacy.options.retentionHint')}
        value={settings.retention}
        choices={RETENTIONS.map((value) => ({ value, label: t(`privacy.options.retention_${value}`) }))}
        onChange={(value) => isRetention(value) && void update({ retention: value })}
      />
      <CheckField
        id="store-page"
        label={t('privacy.options.storePageInfo')}
        hint={t('privacy.options.storePageInfoHint')}
        checked={settings.storePageInfo}
        onChange={(checked) => void update({ storePageInfo: checked })}
      />
      <DeleteAllData />
    </section>
  );
}
