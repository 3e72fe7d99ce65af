import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BatchRecord } from '@/lib/batch/batch-record';
import { DATASET_LONG_SIDES, type DatasetLongSide } from '@/lib/batch/dataset-export';
import type { BatchExportFormat, BatchExportOptions } from '@/lib/batch/export-options';
import { styleOf } from '@/lib/prompt/styles';
import type { ExportBatch } from './export-batch';
import { Field } from './field';

const FORMATS: Record<Exclude<BatchExportFormat, 'dataset'>, string> = {
  json: 'JSON',
  csv: 'CSV',
  markdown: 'Markdown',
};

/**
 * "Export": the batch's prompts as a LoRA/fine-tuning dataset (.zip) or as JSON / CSV / Markdown.
 * The choices become BatchExportOptions; `onExport` builds and saves the file.
 */
export function ExportPanel({ batch, onExport }: { batch: BatchRecord; onExport: ExportBatch }) {
  const { t, i18n } = useTranslation();
  const [format, setFormat] = useState<BatchExportFormat>('dataset');
  const [longSide, setLongSide] = useState<DatasetLongSide | 0>(0);
  const [type, setType] = useState<'image/jpeg' | 'image/png'>('image/jpeg');
  const [prefix, setPrefix] = useState('');
  const [captionStyle, setCaptionStyle] = useState<'tags' | 'prose'>(styleOf(batch.style).caption);
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
      await onExport(batch, options, t, i18n.language);
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
        <Field label={t('batch.format')}>
          {(id) => (
            <select id={id} value={format} onChange={(event) => setFormat(event.target.value as BatchExportFormat)}>
              <option value="dataset">{t('batch.dataset')}</option>
              {Object.entries(FORMATS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </Field>
        {dataset && (
          <>
            <Field label={t('batch.images')}>
              {(id) => (
                <select
                  id={id}
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
              )}
            </Field>
            {longSide !== 0 && (
              <Field label={t('batch.fileType')}>
                {(id) => (
                  <select id={id} value={type} onChange={(event) => setType(event.target.value as typeof type)}>
                    <option value="image/jpeg">JPEG</option>
                    <option value="image/png">PNG</option>
                  </select>
                )}
              </Field>
            )}
            <Field label={t('batch.prefix')}>
              {(id) => (
                <input
                  id={id}
                  type="text"
                  value={prefix}
                  maxLength={200}
                  onChange={(event) => setPrefix(event.target.value)}
                />
              )}
            </Field>
            <Field label={t('batch.captionStyle')}>
              {(id) => (
                <select
                  id={id}
                  value={captionStyle}
                  onChange={(event) => setCaptionStyle(event.target.value as 'tags' | 'prose')}
                >
                  <option value="tags">{t('batch.tags')}</option>
                  <option value="prose">{t('batch.prose')}</option>
                </select>
              )}
            </Field>
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
