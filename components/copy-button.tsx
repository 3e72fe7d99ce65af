import { useTranslation } from 'react-i18next';
import { useTimedNote } from './use-timed-note';

export function CopyButton({ text, className }: { text: string; className?: string }) {
  const { t } = useTranslation();
  // Whether the last click copied; each click shows its outcome for 1.8 s.
  const [copied, showCopied] = useTimedNote<boolean>(1800);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      showCopied(true);
    } catch {
      showCopied(false);
    }
  };

  return (
    <>
      <button type="button" className={className} onClick={copy} disabled={!text}>
        {t('popup.copy')}
      </button>
      <span role="status" className="small muted">
        {copied === undefined ? '' : t(copied ? 'popup.copied' : 'popup.copyFailed')}
      </span>
    </>
  );
}
