import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * What the extension takes on this device (history, thumbnails, recreations, cached images), as
 * the browser counts it. Read again when the history changes (`refreshKey`).
 */
export function StorageUsed({ refreshKey }: { refreshKey: unknown }) {
  const { t, i18n } = useTranslation();
  const [bytes, setBytes] = useState<number>();
  // biome-ignore lint/correctness/useExhaustiveDependencies: a history change changes what the browser counts
  useEffect(() => {
    let live = true;
    void navigator.storage
      ?.estimate()
      .then((estimate) => live && setBytes(estimate.usage))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [refreshKey]);
  if (bytes === undefined) return null;
  const megabytes = bytes / 1_000_000;
  const size = new Intl.NumberFormat(i18n.language, {
    style: 'unit',
    unit: 'megabyte',
    maximumFractionDigits: megabytes < 10 ? 1 : 0,
  }).format(megabytes);
  return (
    <p className="small muted hint" data-testid="storage-used">
      {t('transfer.storageUsed', { size })}
    </p>
  );
}
