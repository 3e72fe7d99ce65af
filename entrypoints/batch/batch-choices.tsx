import { useTranslation } from 'react-i18next';
import { Field } from './field';
import { DETAIL_LEVELS, type DetailLevel } from '@/lib/prompt/detail';
import { STYLE_IDS, type StyleId } from '@/lib/prompt/styles';

/** The style and detail every image of the batch is written in. */
export function BatchChoices({
  style,
  detail,
  onStyle,
  onDetail,
}: {
  style: StyleId;
  detail: DetailLevel;
  onStyle: (style: StyleId) => void;
  onDetail: (detail: DetailLevel) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Field label={t('batch.style')}>
        {(id) => (
          <select id={id} value={style} onChange={(event) => onStyle(event.target.value as StyleId)}>
            {STYLE_IDS.map((id) => (
              <option key={id} value={id}>
                {t(`styles.${id}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('popup.detail')}>
        {(id) => (
          <select id={id} value={detail} onChange={(event) => onDetail(event.target.value as DetailLevel)}>
            {DETAIL_LEVELS.map((level) => (
              <option key={level} value={level}>
                {t(`detail.${level}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
    </>
  );
}
