interface Props {
  id: string;
  hintId?: string;
  value: number | null;
  min: number;
  max: number;
  step?: number;
  /** Empty means "no value" (null) instead of being refused. */
  allowEmpty?: boolean;
  onCommit: (value: number | null) => void;
}

/**
 * A number typed freely: saved whenever it is valid, put back to the saved value on blur
 * when it is not (typing "1" on the way to "120" must not be refused mid-word).
 */
export function NumberInput({ id, hintId, value, min, max, step = 1, allowEmpty = false, onCommit }: Props) {
  return (
    <input
      id={id}
      type="number"
      inputMode="numeric"
      min={min}
      max={max}
      step={step}
      aria-describedby={hintId}
      defaultValue={value ?? ''}
      onBlur={(e) => (e.target.value = value === null ? '' : String(value))}
      onChange={(e) => {
        if (allowEmpty && e.target.value.trim() === '') return onCommit(null);
        const next = Number(e.target.value);
        if (e.target.value.trim() !== '' && Number.isFinite(next) && next >= min && next <= max) onCommit(next);
      }}
    />
  );
}
