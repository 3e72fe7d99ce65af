import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** "Clear all" asks first, saying how much goes. */
export function ClearHistory({ count, onConfirm }: { count: number; onConfirm: () => void }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" className="link-button" onClick={() => setAsking(true)} disabled={count === 0}>
        {t('history.clearAll')}
      </button>
    );
  }
  return (
    <div className="confirm" role="alertdialog" aria-labelledby="clear-question">
      <p id="clear-question" className="small">
        {t('history.clearQuestion', { count })}
      </p>
      <div className="row">
        <button
          type="button"
          className="danger"
          onClick={() => {
            setAsking(false);
            onConfirm();
          }}
        >
          {t('history.deleteAll')}
        </button>
        {/* Focus lands on the safe choice: the user has just asked to delete everything. */}
        {/* biome-ignore lint/a11y/noAutofocus: the confirmation replaces the button that had focus */}
        <button type="button" autoFocus onClick={() => setAsking(false)}>
          {t('history.keep')}
        </button>
      </div>
    </div>
  );
}
