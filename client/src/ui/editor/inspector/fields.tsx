import { type ReactNode, useEffect, useState } from 'react';
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

function Shell({
  label,
  children,
  readOnly,
  display,
}: FieldProps & { children: ReactNode; display: string }) {
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
    <label className="kk-field">
      <span className="kk-field__label">{label}</span>
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
    <Shell label={label} readOnly={readOnly} display={value}>
      {multiline ? (
        <textarea value={value} rows={3} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input type={type} value={value} onChange={(e) => onChange(e.target.value)} />
      )}
    </Shell>
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
    <Shell label={label} readOnly={readOnly} display={joined}>
      <input
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === 'Enter' && commit()}
      />
    </Shell>
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
    <Shell label={label} readOnly={readOnly} display={display}>
      <EnumSelect
        value={value}
        options={options}
        onChange={onChange}
        {...(emptyLabel !== undefined ? { emptyLabel } : {})}
      />
    </Shell>
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
      <Shell label={label} readOnly display={value ? yes : no}>
        {null}
      </Shell>
    );
  return (
    <label className="kk-check">
      <input type="checkbox" checked={value} onChange={(e) => onChange(e.target.checked)} />
      <span>{label}</span>
    </label>
  );
}
