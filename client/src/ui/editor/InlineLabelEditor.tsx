import { useState } from 'react';
import { useT } from '../../i18n/i18n';

/** Inline text editing in a node: Enter or blur commits, Escape cancels. */
export function InlineLabelEditor({
  initial,
  multiline,
  onCommit,
  onCancel,
}: {
  initial: string;
  multiline?: boolean;
  onCommit: (value: string) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const [value, setValue] = useState(initial);
  let done = false;
  const commit = () => {
    if (done) return;
    done = true;
    onCommit(value.trim());
  };
  const props = {
    className: 'kk-inline-edit nodrag nopan nowheel',
    'aria-label': t('node.editLabel'),
    value,
    autoFocus: true,
    onFocus: (e: React.FocusEvent<HTMLInputElement | HTMLTextAreaElement>) => e.currentTarget.select(),
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => setValue(e.target.value),
    onBlur: commit,
    onKeyDown: (e: React.KeyboardEvent) => {
      e.stopPropagation();
      if (e.key === 'Enter' && !(multiline && e.shiftKey)) {
        e.preventDefault();
        commit();
      } else if (e.key === 'Escape') {
        e.preventDefault();
        done = true;
        onCancel();
      }
    },
  };
  return multiline ? <textarea {...props} /> : <input {...props} />;
}
