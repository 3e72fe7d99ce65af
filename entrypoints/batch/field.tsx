import { useId } from 'react';

/**
 * A control under its label, tied by id rather than by nesting: a <select> inside its <label>
 * would be named by the label and its chosen option together ("Style Flux").
 */
export function Field({
  label,
  className = '',
  children,
}: {
  label: string;
  className?: string;
  children: (id: string) => React.ReactNode;
}) {
  const id = useId();
  return (
    <div className={`field ${className}`.trim()}>
      <label htmlFor={id}>{label}</label>
      {children(id)}
    </div>
  );
}
