import { type InputHTMLAttributes, useEffect, useState } from 'react';

/**
 * A text input that writes on blur or Enter (Escape restores): for places where writing every
 * keystroke would re-sort or re-group what the user is typing in, e.g. the action plan's table.
 */
export function DraftInput({
  value,
  onCommit,
  normalize,
  ...rest
}: {
  value: string;
  onCommit: (value: string) => void;
  /** The value to write for a draft, or null to refuse it and show `value` again (e.g. an empty name). */
  normalize?: (draft: string) => string | null;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'onBlur' | 'onKeyDown'>) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const commit = () => {
    if (!normalize) {
      if (draft !== value) onCommit(draft);
      return;
    }
    const next = normalize(draft);
    if (next !== null && next !== value) onCommit(next);
    else setDraft(value);
  };
  return (
    <input
      {...rest}
      value={draft}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
        if (e.key === 'Escape') setDraft(value);
      }}
    />
  );
}
