/** A checkbox with its label and, under it, a hint the box is described by. */
export function CheckField(props: {
  id: string;
  label: string;
  hint: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <div className="field">
      <label className="check">
        <input
          type="checkbox"
          checked={props.checked}
          onChange={(e) => props.onChange(e.target.checked)}
          aria-describedby={`${props.id}-hint`}
        />
        {props.label}
      </label>
      <p id={`${props.id}-hint`} className="small muted hint">
        {props.hint}
      </p>
    </div>
  );
}
