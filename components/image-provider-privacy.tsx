import { useTranslation } from 'react-i18next';
import { IMAGE_PRESETS } from '@/lib/generation/presets';
import type { Settings } from '@/lib/settings';

/**
 * Recreate's destination, apart from the vision provider's: it gets the prompt text only.
 * `withAddress` adds where exactly, as the privacy page does for the vision provider.
 */
export function ImageProviderPrivacy({ settings, withAddress = false }: { settings: Settings; withAddress?: boolean }) {
  const { t } = useTranslation();
  const id = settings.imageProvider;
  if (!id) return <>{t('generation.privacyNoticeNone')}</>;
  const address = settings.imageConnections[id].baseUrl.trim() || IMAGE_PRESETS[id].baseUrl;
  return (
    <>
      {t('generation.privacyNotice', { provider: IMAGE_PRESETS[id].name })}
      {withAddress && address && (
        <>
          {' '}
          <bdi dir="ltr" className="address">
            {address}
          </bdi>
        </>
      )}
    </>
  );
}
