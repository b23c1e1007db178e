import { useEffect, useRef, useState } from 'react';
import type { CanvasStore } from '../../../canvas/CanvasStore';
import { useT } from '../../../i18n/i18n';
import { moveToPhase } from '../../../list/listPlacement';
import { Dialog } from '../../common/Dialog';

/**
 * The phase of one actor, chosen by keyboard: a radio group of the lanes (arrow keys), Enter
 * applies. The card moves into the new lane (`moveToPhase`): one undo step.
 */
export function PhaseDialog({
  store,
  actorId,
  onClose,
}: {
  store: CanvasStore;
  actorId: string;
  onClose: () => void;
}) {
  const t = useT();
  const state = store.getState();
  const actor = state.actors.find((a) => a.id === actorId);
  const [phaseId, setPhaseId] = useState<string | null>(actor?.phaseId ?? null);
  const group = useRef<HTMLFieldSetElement>(null);
  // The current phase has the focus (the dialog focuses its first control, after this one mounts).
  useEffect(() => group.current?.querySelector<HTMLInputElement>('input:checked')?.focus(), []);
  if (!actor) return null;
  const options = [
    ...state.phases.map((p) => ({ id: p.id as string | null, label: p.label })),
    { id: null, label: t('list.noPhase') },
  ];
  const name = actor.label || t(`kind.${actor.kind}`);
  return (
    <Dialog title={t('phaseDialog.title', { name })} onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          moveToPhase(store.model, store.getState(), actorId, phaseId);
          onClose();
        }}
      >
        <fieldset className="kk-phase-choice" ref={group}>
          <legend className="kk-visually-hidden">{t('inspector.phase')}</legend>
          {options.map((o) => (
            <label key={o.id ?? ''} className="kk-check">
              <input
                type="radio"
                name="kk-phase-choice"
                checked={phaseId === o.id}
                onChange={() => setPhaseId(o.id)}
              />
              <span>{o.label}</span>
            </label>
          ))}
        </fieldset>
        <div className="kk-dialog__actions">
          <button type="button" className="kk-button" onClick={onClose}>
            {t('phaseDialog.cancel')}
          </button>
          <button type="submit" className="kk-button kk-button--primary">
            {t('phaseDialog.apply')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
