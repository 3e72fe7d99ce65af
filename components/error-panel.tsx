import { useTranslation } from 'react-i18next';
import { describeError, type JobError } from '@/lib/errors';

interface Props {
  error: JobError;
  provider: string;
  model: string;
  children?: React.ReactNode;
}

/** A failure in words: what happened, what to do, and the provider's own message under it. */
export function ErrorPanel({ error, provider, model, children }: Props) {
  const { t } = useTranslation();
  const text = describeError(error, { provider, model }, t);
  return (
    <div className="error" role="alert">
      <strong>{text.title}</strong>
      <p>{text.hint}</p>
      {text.detail && <p className="detail small muted">{text.detail}</p>}
      {children && (
        <div className="row" style={{ marginBlockStart: '0.5rem' }}>
          {children}
        </div>
      )}
    </div>
  );
}
