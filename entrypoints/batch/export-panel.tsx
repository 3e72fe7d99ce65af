import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BatchRecord } from '@/lib/batch/batch-record';
import { DATASET_LONG_SIDES, type DatasetLongSide } from '@/lib/batch/dataset-export';
import type { BatchExportFormat, BatchExportOptions } from '@/lib/batch/export-options';
import type { ExportBatch } from './export-batch';

const FORMATS: Record<Exclude<BatchExportFormat, 'dataset'>, string> = {
  json: 'JSON',
  csv: 'CSV',
  markdown: 'Markdown',
};

/** Tags for the styles that write tags (Stable Diffusion), prose for every other. */
const captionStyleFor = (batch: BatchRecord) => (batch.style === 'stable-diffusion' ? 'tags' : 'prose');

/**
 * "Export": the batch's prompts as a LoRA/fine-tuning dataset (.zip) or as JSON / CSV / Markdown.
 * The choices become BatchExportOptions; `onExport` builds and saves the file.
 */
export function ExportPanel({ batch, onExport }: { batch: BatchRecord; onExport: ExportBatch }) {
  const { t } = useTranslation();
  const [format, setFormat] = useState<BatchExportFormat>('dataset');
  const [longSide, setLongSide] = useState<DatasetLongSide | 0>(0);
  const [type, setType] = useState<'image/jpeg' | 'image/png'>('image/jpeg');
  const [prefix, setPrefix] = useState('');
  const [captionStyle, setCaptionStyle] = useState<'tags' | 'prose'>(captionStyleFor(batch));
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();
  const dataset = format === 'dataset';

  const run = async () => {
    const options: BatchExportOptions = {
      format,
      images: longSide ? { kind: 'resized', longSide, type } : { kind: 'original' },
      ...(prefix.trim() ? { prefix: prefix.trim() } : {}),
      captionStyle,
    };
    setBusy(true);
    setFailure(undefined);
    try {
      await onExport(batch, options);
    } catch (error) {
      setFailure(t('transfer.exportFailed', { detail: error instanceof Error ? error.message : String(error) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <details className="export">
      <summary>{t('batch.export')}</summary>
      <div className="row export-form">
        <label className="field">
          <span>{t('batch.format')}</span>
          <select value={format} onChange={(event) => setFormat(event.target.value as BatchExportFormat)}>
            <option value="dataset">{t('batch.dataset')}</option>
            {Object.entries(FORMATS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        {dataset && (
          <>
            <label className="field">
              <span>{t('batch.images')}</span>
              <select
                value={longSide}
                onChange={(event) => setLongSide(Number(event.target.value) as DatasetLongSide | 0)}
              >
                <option value={0}>{t('batch.asDownloaded')}</option>
                {DATASET_LONG_SIDES.map((size) => (
                  <option key={size} value={size}>
                    {t('batch.longSide', { size })}
                  </option>
                ))}
              </select>
            </label>
            {longSide !== 0 && (
              <label className="field">
                <span>{t('batch.fileType')}</span>
                <select value={type} onChange={(event) => setType(event.target.value as typeof type)}>
                  <option value="image/jpeg">JPEG</option>
                  <option value="image/png">PNG</option>
                </select>
              </label>
            )}
            <label className="field">
              <span>{t('batch.prefix')}</span>
              <input type="text" value={prefix} maxLength={200} onChange={(event) => setPrefix(event.target.value)} />
            </label>
            <label className="field">
              <span>{t('batch.captionStyle')}</span>
              <select
                value={captionStyle}
                onChange={(event) => setCaptionStyle(event.target.value as 'tags' | 'prose')}
              >
                <option value="tags">{t('batch.tags')}</option>
                <option value="prose">{t('batch.prose')}</option>
              </select>
            </label>
          </>
        )}
        <button type="button" className="primary" onClick={() => void run()} disabled={busy}>
          {t('batch.export')}
        </button>
      </div>
      {failure && (
        <p role="alert" className="error small">
          {failure}
        </p>
      )}
    </details>
  );
}
