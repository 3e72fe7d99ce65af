import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

type State = 'idle' | 'copied' | 'failed';

export function CopyButton({ text, className }: { text: string; className?: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<State>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 1800);
    return () => clearTimeout(timer);
  }, [state]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('failed');
    }
  };

  return (
    <>
      <button type="button" className={className} onClick={copy} disabled={!text}>
        {t('popup.copy')}
      </button>
      <span role="status" className="small muted">
        {state === 'copied' ? t('popup.copied') : state === 'failed' ? t('popup.copyFailed') : ''}
      </span>
    </>
  );
}
