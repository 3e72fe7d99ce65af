import type { CSSProperties, KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '@/lib/errors';
import type { HistoryEntry } from '@/lib/history/types';
import { providerName } from '@/lib/providers/provider-names';
import { entryTitle } from './entry-title';
import { IconButton } from './icon-button';
import { ImagePreview } from '@/components/image-preview';
import { RecreationThumb } from './recreation-thumb';

interface Props {
  entry: HistoryEntry;
  index: number;
  count: number;
  selected: boolean;
  style: CSSProperties;
  onSelect: (entry: HistoryEntry) => void;
  onFavorite: (entry: HistoryEntry) => void;
  onDelete: (entry: HistoryEntry) => void;
  onKeyDown: (event: KeyboardEvent<HTMLElement>, index: number) => void;
}

/** One image in the library: its newest prompt, when, and what went wrong if anything. */
export function HistoryRow({ entry, index, count, selected, style, onSelect, onFavorite, onDelete, onKeyDown }: Props) {
  const { t, i18n } = useTranslation();
  const preview = () => {
    if (entry.kind === 'refusal') return t('popup.refusalTitle');
    if (entry.text) return entry.text;
    if (entry.error)
      return describeError(entry.error, { provider: providerName(entry.provider, t), model: entry.model }, t).title;
    return t(`status.${entry.status}`);
  };
  const when = new Date(entry.updatedAt).toLocaleString(i18n.language, { dateStyle: 'short', timeStyle: 'short' });
  return (
    <li className="history-row" style={style} aria-setsize={count} aria-posinset={index + 1}>
      <button
        type="button"
        className="history-item"
        data-index={index}
        aria-current={selected ? 'true' : undefined}
        onClick={() => onSelect(entry)}
        onKeyDown={(event) => onKeyDown(event, index)}
      >
        <ImagePreview imageId={entry.id} className="thumb small-thumb" />
        <span className="history-text">
          <span className="small muted history-meta">
            {entryTitle(entry, t)} · {when}
            {entry.promptCount > 1 && ` · ${t('history.prompts', { count: entry.promptCount })}`}
            {entry.status === 'failed' && ` · ${t('status.failed')}`}
          </span>
          <span className="history-preview" dir="auto">
            {preview()}
          </span>
        </span>
        <RecreationThumb entryId={entry.id} />
      </button>
      <IconButton
        className="favorite"
        label={t('history.favorite')}
        symbol={entry.favorite ? '★' : '☆'}
        aria-pressed={entry.favorite === 1}
        onClick={() => onFavorite(entry)}
      />
      <IconButton label={t('history.delete')} symbol="✕" onClick={() => onDelete(entry)} />
    </li>
  );
}
