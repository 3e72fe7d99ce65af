import { useTranslation } from 'react-i18next';
import type { BatchItem } from '@/lib/batch/batch-record';
import { describeError, type ErrorContext } from '@/lib/errors';
import { Preview, previewOf, SizeAndSource } from './pick-card';

/** One image of a running batch: its status, the prompt as it streams in, or why it failed. */
export function RunCard({
  item,
  errorContext,
  text,
  thumbnail,
  onRetry,
}: {
  item: BatchItem;
  errorContext: ErrorContext;
  /** The prompt so far (the item's job's text). */
  text?: string;
  /** The history thumbnail, for the kinds the page cannot load by address. */
  thumbnail?: string;
  onRetry: (itemId: string) => void;
}) {
  const { t } = useTranslation();
  const status = t(`batch.status.${item.status}`);
  const reason = item.error ? describeError(item.error, errorContext, t) : undefined;
  return (
    <li className="card" data-status={item.status}>
      <Preview src={previewOf(item.candidate) ?? thumbnail} />
      <span className="name">
        <bdi>{item.candidate.name}</bdi>
      </span>
      <SizeAndSource candidate={item.candidate} />
      <span className={`status small status-${item.status}`}>
        {(item.status === 'fetching' || item.status === 'writing') && <span className="spinner" aria-hidden="true" />}
        {status}
      </span>
      {item.status === 'failed' && (
        <div className="failure small">
          <span>{reason ? [reason.title, reason.detail].filter(Boolean).join(' ') : status}</span>
          <button
            type="button"
            onClick={() => onRetry(item.id)}
            aria-label={`${t('popup.retry')}: ${item.candidate.name}`}
          >
            {t('popup.retry')}
          </button>
        </div>
      )}
      {text && (
        // Prompts are mostly English whatever the interface language: their own direction.
        <p className="prompt small" dir="auto">
          {text}
        </p>
      )}
    </li>
  );
}
