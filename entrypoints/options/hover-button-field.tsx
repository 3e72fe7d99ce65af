import { useTranslation } from 'react-i18next';
import { useSettingsStore } from './settings-store';

/** The hover button, off by default; the popup turns it off per site. */
export function HoverButtonField() {
  const { t } = useTranslation();
  const on = useSettingsStore((state) => state.settings?.hoverButton ?? false);
  const update = useSettingsStore((state) => state.update);
  return (
    <div className="field">
      <label className="check">
        <input
          type="checkbox"
          checked={on}
          onChange={(e) => void update({ hoverButton: e.target.checked })}
          aria-describedby="hover-button-hint"
        />
        {t('hoverButton.option')}
      </label>
      <p id="hover-button-hint" className="small muted hint">
        {t('hoverButton.optionHint')}
      </p>
    </div>
  );
}
