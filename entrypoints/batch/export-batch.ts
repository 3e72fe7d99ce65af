import type { TFunction } from 'i18next';
import { download } from '@/components/download';
import type { BatchRecord } from '@/lib/batch/batch-record';
import { exportBatch as buildExport } from '@/lib/batch/export-batch';
import type { BatchExportOptions } from '@/lib/batch/export-options';

/** What the Export control calls with the batch and the user's choices; it saves the file. */
export type ExportBatch = (
  batch: BatchRecord,
  options: BatchExportOptions,
  t: TFunction,
  locale: string,
) => Promise<void>;

/** Builds the file from what is stored now (images finished since the last export are in it) and saves it. */
export const exportBatch: ExportBatch = async (batch, options, t, locale) => {
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const { blob, fileName } = await buildExport(batch, options, {
    markdown: {
      title: t('transfer.markdownTitle'),
      formatDate: (time) => dates.format(time),
      styleName: (prompt) => prompt.template?.name ?? t(`styles.${prompt.style}`),
      failedLabel: t('transfer.markdownFailed'),
      refusalLabel: t('transfer.markdownRefusal'),
    },
    reason: (item) => (item.error ? `${item.error.code}${item.error.detail ? `: ${item.error.detail}` : ''}` : ''),
  });
  download(blob, fileName);
};
