import type { ButtonHTMLAttributes } from 'react';

/** A symbol-only button: its label is the accessible name and the tooltip. */
export function IconButton({
  label,
  symbol,
  className,
  ...rest
}: { label: string; symbol: string } & ButtonHTMLAttributes<HTMLButtonElement>) {
  return (
    <button type="button" className={`icon-button ${className ?? ''}`} aria-label={label} title={label} {...rest}>
      <span aria-hidden="true">{symbol}</span>
    </button>
  );
}
