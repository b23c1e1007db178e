import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { NoteFlowNode } from '../../../canvas/flowTypes';
import { useT } from '../../../i18n/i18n';
import { useEditing } from '../EditingContext';
import { InlineLabelEditor } from '../InlineLabelEditor';

/** A free-standing note (quick-win, gap or action) drawn as a card. */
export const NoteNode = memo(function NoteNode({ id, data, selected }: NodeProps<NoteFlowNode>) {
  const t = useT();
  const editing = useEditing();
  const { note, readOnly, peerColours } = data;
  const ring = peerColours[0];
  return (
    <div
      className={`kk-note kk-note--${note.kind}${selected ? ' is-selected' : ''}`}
      style={ring ? { boxShadow: `0 0 0 3px ${ring}` } : undefined}
    >
      {data.decoration?.marks.includes('routeBreak') && (
        <span className="kk-route-break" data-mark="routeBreak" aria-hidden="true">
          !
        </span>
      )}
      <div className="kk-note__head">
        <span>{t(`note.${note.kind}`)}</span>
        <span className="kk-note__status">{t(`noteStatus.${note.status}`)}</span>
      </div>
      {editing.editingId === id && !readOnly ? (
        <InlineLabelEditor
          multiline
          initial={note.text}
          field={{ collection: 'notes', id, field: 'text' }}
          onCommit={(text) => {
            editing.commitLabel(id, text);
            editing.stop();
          }}
          onCancel={editing.stop}
        />
      ) : (
        <p className="kk-note__text">{note.text || '…'}</p>
      )}
    </div>
  );
});
