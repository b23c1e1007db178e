import { useRef } from 'react';
import type { TextFieldRef } from '../../../../shared/model/liveText';
import { useT } from '../../i18n/i18n';
import { LiveTextInput } from '../common/LiveTextInput';
import { useEditing } from './EditingContext';

/**
 * Inline text editing in a node, typed live into the field (peers see each keystroke and can type
 * in the same label at once). Enter or blur finishes: the text is trimmed, and an emptied name
 * gets its old one back (a note may be emptied). Escape puts back the text the editor opened with.
 */
export function InlineLabelEditor({
  initial,
  field,
  multiline,
  onCommit,
  onCancel,
}: {
  initial: string;
  field: TextFieldRef;
  multiline?: boolean;
  onCommit: (value: string) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const { model, isJustAdded } = useEditing();
  // Decided when the editor opens: the name of what was just added is part of adding it.
  const joinsAdd = useRef<boolean | null>(null);
  joinsAdd.current ??= isJustAdded(field.id);
  const input = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const done = useRef(false);
  const commit = () => {
    if (done.current) return;
    done.current = true;
    const value = (input.current?.value ?? initial).trim();
    onCommit(multiline ? value : value || initial);
  };
  const cancel = () => {
    if (done.current) return;
    done.current = true;
    if (input.current && input.current.value !== initial) onCommit(initial);
    else onCancel();
  };
  if (!model) return null;
  return (
    <LiveTextInput
      ref={input}
      model={model}
      field={field}
      multiline={multiline}
      rows={multiline ? 3 : undefined}
      keepUndoStep={joinsAdd.current}
      className="kk-inline-edit nodrag nopan nowheel"
      aria-label={t('node.editLabel')}
      autoFocus
      onFocus={(e) => e.currentTarget.select()}
      onBlur={commit}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Enter' && !(multiline && e.shiftKey)) {
          e.preventDefault();
          commit();
        } else if (e.key === 'Escape') {
          e.preventDefault();
          cancel();
        }
      }}
    />
  );
}
