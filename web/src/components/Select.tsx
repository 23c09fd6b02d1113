/** A labelled GOV.UK select whose choice is a string, or null when the empty ("any") option is chosen. */
type Option = { value: string; label: string };

type Props = {
  id: string;
  label: string;
  value: string | null | undefined;
  options: readonly Option[];
  onChange: (value: string | null) => void;
  /** The label of a first, empty option (none when left out). */
  any?: string;
  /** Extra class of the form group: by default one of a row of filters. */
  className?: string;
};

export function Select({ id, label, value, options, onChange, any, className = "app-filter" }: Props) {
  return (
    <div className={className ? `govuk-form-group ${className}` : "govuk-form-group"}>
      <label className="govuk-label" htmlFor={id}>{label}</label>
      <select className="govuk-select" id={id} value={value ?? ""} onChange={(event) => onChange(event.target.value || null)}>
        {any ? <option value="">{any}</option> : null}
        {options.map((option) => <option key={option.value} value={option.value}>{option.label}</option>)}
      </select>
    </div>
  );
}
