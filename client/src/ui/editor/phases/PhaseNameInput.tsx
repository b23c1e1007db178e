import { DraftInput } from '../../common/DraftInput';

const trimmedName = (draft: string) => draft.trim() || null;

/** A lane's name: a draft while typing, written trimmed on blur or Enter; empty or Escape restores. */
export function PhaseNameInput({
  label,
  value,
  onCommit,
}: {
  label: string;
  value: string;
  onCommit: (value: string) => void;
}) {
  return (
    <DraftInput
      className="kk-phase-item__input"
      aria-label={label}
      value={value}
      onCommit={onCommit}
      normalize={trimmedName}
    />
  );
}
