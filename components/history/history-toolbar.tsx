import { useTranslation } from 'react-i18next';
import { STYLE_IDS } from '@/lib/prompt/styles';
import type { HistoryFilter } from '@/lib/history/search';

interface Props {
  filter: HistoryFilter;
  onChange: (patch: Partial<HistoryFilter>) => void;
}

/** Search as you type, a style filter and "Favourites only". */
export function HistoryToolbar({ filter, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <search className="history-toolbar">
      <input
        type="search"
        aria-label={t('history.search')}
        placeholder={t('history.searchPlaceholder')}
        value={filter.query}
        onChange={(event) => onChange({ query: event.target.value })}
      />
      <select
        aria-label={t('history.filterStyle')}
        value={filter.style ?? ''}
        onChange={(event) => onChange({ style: (event.target.value || undefined) as HistoryFilter['style'] })}
      >
        <option value="">{t('history.allStyles')}</option>
        {STYLE_IDS.map((id) => (
          <option key={id} value={id}>
            {t(`styles.${id}`)}
          </option>
        ))}
        <option value="template">{t('history.templates')}</option>
      </select>
      <button
        type="button"
        className="toggle"
        aria-pressed={!!filter.favoritesOnly}
        onClick={() => onChange({ favoritesOnly: !filter.favoritesOnly })}
      >
        <span aria-hidden="true">★ </span>
        {t('history.favoritesOnly')}
      </button>
    </search>
  );
}
