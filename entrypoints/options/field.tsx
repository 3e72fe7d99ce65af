import { useId } from 'react';

interface Props {
  label: string;
  hint?: React.ReactNode;
  /** Renders the control with the ids that tie it to its label and hint. */
  children: (id: string, hintId?: string) => React.ReactNode;
}

/** A labelled control with an optional hint, linked for screen readers. */
export function Field({ label, hint, children }: Props) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children(id, hintId)}
      {hint && (
        <p id={hintId} className="small muted hint">
          {hint}
        </p>
      )}
    </div>
  );
}
