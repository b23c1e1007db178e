import { type CSSProperties, type ReactNode, useEffect, useState } from 'react';
import { EnumSelect } from '../../common/EnumSelect';

/**
 * Inspector fields. Each writes to the model as the user types (peers see it live; the undo
 * manager's capture timeout groups the keystrokes). Read-only mode renders plain text instead of
 * controls, so a view link shows no editing controls at all.
 */

interface FieldProps {
  label: string;
  readOnly: boolean;
}

/** A labelled field; read-only renders the value as plain text. `after` sits beside the label. */
export function FieldShell({
  label,
  children,
  readOnly,
  display,
  className,
  style,
  after,
}: FieldProps & {
  children: ReactNode;
  display: string;
  className?: string | undefined;
  style?: CSSProperties | Record<`--${string}`, string> | undefined;
  after?: ReactNode;
}) {
  if (readOnly) {
    return (
      <div className="kk-field kk-field--readonly">
        <span className="kk-field__label">{label}</span>
        <span className="kk-field__value">{display || '—'}</span>
      </div>
    );
  }
  return (
    // biome-ignore lint/a11y/noLabelWithoutControl: the control is the `children` inside the label
    <label className={className ? `kk-field ${className}` : 'kk-field'} style={style as CSSProperties}>
      <span className="kk-field__label">
        {label}
        {after}
      </span>
      {children}
    </label>
  );
}

export function TextField({
  label,
  value,
  onChange,
  readOnly,
  multiline,
  type = 'text',
}: FieldProps & { value: string; onChange: (v: string) => void; multiline?: boolean; type?: string }) {
  return (
    <FieldShell label={label} readOnly={readOnly} display={value}>
      {multiline ? (
        <textarea value={value} rows={3} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input type={type} value={value} onChange={(e) => onChange(e.target.value)} />
      )}
    </FieldShell>
  );
}

/** Comma-separated list; committed on blur or Enter so a half-typed entry is not split early. */
export function ListField({
  label,
  value,
  onChange,
  readOnly,
}: FieldProps & { value: readonly string[]; onChange: (v: string[]) => void }) {
  const joined = value.join(', ');
  const [draft, setDraft] = useState(joined);
  useEffect(() => setDraft(joined), [joined]);
  const commit = () => {
    const next = draft
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    if (next.join(', ') !== joined) onChange(next);
  };
  return (
    <FieldShell label={label} readOnly={readOnly} display={joined}>
      <input
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === 'Enter' && commit()}
      />
    </FieldShell>
  );
}

export function SelectField<T extends string>({
  label,
  value,
  options,
  onChange,
  readOnly,
  emptyLabel,
}: FieldProps & {
  value: T | null;
  options: readonly { value: T; label: string }[];
  onChange: (v: T | null) => void;
  emptyLabel?: string;
}) {
  const display = options.find((o) => o.value === value)?.label ?? emptyLabel ?? '';
  return (
    <FieldShell label={label} readOnly={readOnly} display={display}>
      <EnumSelect
        value={value}
        options={options}
        onChange={onChange}
        {...(emptyLabel !== undefined ? { emptyLabel } : {})}
      />
    </FieldShell>
  );
}

export function CheckField({
  label,
  value,
  onChange,
  readOnly,
  yes,
  no,
}: FieldProps & { value: boolean; onChange: (v: boolean) => void; yes: string; no: string }) {
  if (readOnly)
    return (
      <FieldShell label={label} readOnly display={value ? yes : no}>
        {null}
      </FieldShell>
    );
  return (
    <label className="kk-check">
      <input type="checkbox" checked={value} onChange={(e) => onChange(e.target.checked)} />
      <span>{label}</span>
    </label>
  );
}
