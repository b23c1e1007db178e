import type { SelectHTMLAttributes } from 'react';

export interface EnumOption<T extends string> {
  readonly value: T;
  readonly label: string;
}

/** Options under a heading (`<optgroup>`). */
export interface EnumGroup<T extends string> {
  readonly group: string;
  readonly options: readonly EnumOption<T>[];
}

type Props<T extends string> = {
  value: T | null;
  options: readonly (EnumOption<T> | EnumGroup<T>)[];
  onChange: (value: T | null) => void;
  /** An empty first choice that stands for null ("Alle", "— niet bepaald —"); none when undefined. */
  emptyLabel?: string;
} & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange' | 'children'>;

/** The one `<select>` over a fixed set of values: model enums, phases, owners, groupings. */
export function EnumSelect<T extends string>({ value, options, onChange, emptyLabel, ...rest }: Props<T>) {
  const option = (o: EnumOption<T>) => (
    <option key={o.value} value={o.value}>
      {o.label}
    </option>
  );
  return (
    <select
      {...rest}
      value={value ?? ''}
      onChange={(e) => onChange(e.target.value === '' ? null : (e.target.value as T))}
    >
      {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
      {options.map((o) =>
        'group' in o ? (
          <optgroup key={o.group} label={o.group}>
            {o.options.map(option)}
          </optgroup>
        ) : (
          option(o)
        ),
      )}
    </select>
  );
}
