// Small labelled form controls for the mock SP page; each shows the settings problems of its field.
import { useId, type ReactNode } from 'react';
import type { SettingsProblem } from '../../../core/mocksp';

export function Problems({ problems }: { problems: SettingsProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <ul className="field-problems">
      {problems.map((p, i) => (
        <li key={i} className={`problem-${p.severity}`} data-problem-code={p.code}>
          {p.message}
        </li>
      ))}
    </ul>
  );
}

export function TextField(props: { label: string; value: string; onChange: (v: string) => void; problems?: SettingsProblem[]; hint?: ReactNode; placeholder?: string; type?: 'text' | 'url' | 'number' }) {
  const id = useId();
  return (
    <div className="option">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        type={props.type ?? 'text'}
        spellCheck={false}
        autoComplete="off"
        value={props.value}
        placeholder={props.placeholder}
        aria-invalid={props.problems?.some((p) => p.severity === 'error') || undefined}
        onChange={(e) => props.onChange(e.target.value)}
      />
      {props.hint && <span className="small muted">{props.hint}</span>}
      <Problems problems={props.problems ?? []} />
    </div>
  );
}

export function SelectField<T extends string>(props: { label: string; value: T; options: readonly { value: T; label: string }[]; onChange: (v: T) => void; problems?: SettingsProblem[] }) {
  const id = useId();
  return (
    <div className="option">
      <label htmlFor={id}>{props.label}</label>
      <select id={id} value={props.value} onChange={(e) => props.onChange(e.target.value as T)}>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <Problems problems={props.problems ?? []} />
    </div>
  );
}

export function CheckField(props: { label: string; checked: boolean; onChange: (v: boolean) => void; hint?: ReactNode; problems?: SettingsProblem[] }) {
  return (
    <div className="option option-check">
      <label>
        <input type="checkbox" checked={props.checked} onChange={(e) => props.onChange(e.target.checked)} /> {props.label}
      </label>
      {props.hint && <span className="small muted">{props.hint}</span>}
      <Problems problems={props.problems ?? []} />
    </div>
  );
}
