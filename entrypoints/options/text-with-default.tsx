import { useTranslation } from 'react-i18next';

interface Props {
  id: string;
  hintId?: string;
  type: 'url' | 'text';
  placeholder?: string;
  value: string;
  /** The preset's value; a "Use default" button appears once the user strays from it. */
  fallback: string;
  onChange: (value: string) => void;
}

export function TextWithDefault({ id, hintId, type, placeholder, value, fallback, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <div className="row nowrap">
      <input
        id={id}
        type={type}
        // URLs and model ids read left to right, in Arabic too.
        dir="ltr"
        inputMode={type === 'url' ? 'url' : undefined}
        spellCheck={false}
        placeholder={placeholder}
        aria-describedby={hintId}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
      {fallback && value !== fallback && (
        <button type="button" onClick={() => onChange(fallback)}>
          {t('options.useDefault')}
        </button>
      )}
    </div>
  );
}
