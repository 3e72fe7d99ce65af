import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** What the last click did; a new object per click, so each one restarts the message's time. */
type Outcome = { copied: boolean } | null;

export function CopyButton({ text, className }: { text: string; className?: string }) {
  const { t } = useTranslation();
  // A second Copy while "Copied" still shows (another format, a quick double click) must not
  // have the first copy's timer clear its confirmation early.
  const [outcome, setOutcome] = useState<Outcome>(null);
  useEffect(() => {
    if (!outcome) return;
    const timer = setTimeout(() => setOutcome(null), 1800);
    return () => clearTimeout(timer);
  }, [outcome]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setOutcome({ copied: true });
    } catch {
      setOutcome({ copied: false });
    }
  };

  return (
    <>
      <button type="button" className={className} onClick={copy} disabled={!text}>
        {t('popup.copy')}
      </button>
      <span role="status" className="small muted">
        {outcome ? t(outcome.copied ? 'popup.copied' : 'popup.copyFailed') : ''}
      </span>
    </>
  );
}
