import { Field } from './field';

export interface Choice {
  value: string;
  label: string;
  /** For options naming a language in that language. */
  lang?: string;
}

interface Props {
  label: string;
  hint?: React.ReactNode;
  value: string;
  choices: Choice[];
  onChange: (value: string) => void;
}

/** A labelled select: the options page's common control. */
export function SelectField({ label, hint, value, choices, onChange }: Props) {
  return (
    <Field label={label} hint={hint}>
      {(id, hintId) => (
        <select id={id} aria-describedby={hintId} value={value} onChange={(e) => onChange(e.target.value)}>
          {choices.map((choice) => (
            <option key={choice.value} value={choice.value} lang={choice.lang}>
              {choice.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
