import { useState } from 'react';
import type { ChainMap } from '../../../../../shared/model/ChainMap';
import type { ChainMapState, Phase } from '../../../../../shared/model/types';
import { useT } from '../../../i18n/i18n';
import { Dialog } from '../../common/Dialog';
import { PhaseNameInput } from './PhaseNameInput';
import './phases.css';

interface Props {
  state: ChainMapState;
  model: ChainMap;
  readOnly: boolean;
}

/**
 * "Fasen": the lanes of the map, from arrival to participation. Add, rename, reorder (drag, or the
 * up/down buttons from the keyboard) and remove; removing a lane keeps its actors on the canvas.
 */
export function PhasesPanel({ state, model, readOnly }: Props) {
  const t = useT();
  const phases = state.phases;
  const [dragging, setDragging] = useState<string | null>(null);
  const [dropBefore, setDropBefore] = useState<string | null | undefined>(undefined);
  const [removing, setRemoving] = useState<Phase | null>(null);
  const [newLabel, setNewLabel] = useState('');
  const [announce, setAnnounce] = useState('');
  const count = (id: string) => state.actors.filter((a) => a.phaseId === id).length;

  const move = (phase: Phase, beforeId: string | null, position: number) => {
    model.movePhase(phase.id, beforeId);
    setAnnounce(t('phases.moved', { label: phase.label, position }));
  };

  return (
    <section className="kk-phases-panel" aria-labelledby="kk-phases-title">
      <h2 id="kk-phases-title" className="kk-panel-title">
        {t('phases.title')}
      </h2>
      <p className="kk-muted kk-phases-panel__intro">
        {t(readOnly ? 'phases.introReadOnly' : 'phases.intro')}
      </p>
      <ol className="kk-phase-list" aria-label={t('phases.title')}>
        {phases.map((phase, i) => (
          <li
            key={phase.id}
            className={`kk-phase-item${dragging === phase.id ? ' is-dragging' : ''}${dropBefore === phase.id ? ' is-drop-target' : ''}`}
            draggable={!readOnly}
            onDragStart={(e) => {
              setDragging(phase.id);
              e.dataTransfer.effectAllowed = 'move';
              e.dataTransfer.setData('text/plain', phase.id);
            }}
            onDragOver={(e) => {
              if (!dragging) return;
              e.preventDefault();
              setDropBefore(phase.id);
            }}
            onDrop={(e) => {
              e.preventDefault();
              const moving = phases.find((p) => p.id === dragging);
              if (moving && moving.id !== phase.id) move(moving, phase.id, i + 1);
              setDragging(null);
              setDropBefore(undefined);
            }}
            onDragEnd={() => {
              setDragging(null);
              setDropBefore(undefined);
            }}
          >
            {!readOnly && (
              <span className="kk-phase-item__grip" aria-hidden="true" title={t('phases.dragHint')}>
                ⋮⋮
              </span>
            )}
            <span className="kk-phase-item__number" aria-hidden="true">
              {i + 1}
            </span>
            {readOnly ? (
              <span className="kk-phase-item__label">{phase.label}</span>
            ) : (
              <PhaseNameInput
                label={t('phases.name', { index: i + 1 })}
                value={phase.label}
                onCommit={(label) => model.renamePhase(phase.id, label)}
              />
            )}
            <span className="kk-phase-item__count" title={t('phases.actorCount', { count: count(phase.id) })}>
              <span className="kk-visually-hidden">{t('phases.actorCount', { count: count(phase.id) })}</span>
              <span aria-hidden="true">{count(phase.id)}</span>
            </span>
            {!readOnly && (
              <span className="kk-phase-item__actions">
                <button
                  type="button"
                  className="kk-icon-button kk-icon-button--small"
                  aria-label={t('phases.moveUp', { label: phase.label })}
                  title={t('phases.moveUp', { label: phase.label })}
                  disabled={i === 0}
                  onClick={() => move(phase, phases[i - 1]!.id, i)}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="kk-icon-button kk-icon-button--small"
                  aria-label={t('phases.moveDown', { label: phase.label })}
                  title={t('phases.moveDown', { label: phase.label })}
                  disabled={i === phases.length - 1}
                  onClick={() => move(phase, phases[i + 2]?.id ?? null, i + 2)}
                >
                  ↓
                </button>
                <button
                  type="button"
                  className="kk-icon-button kk-icon-button--small kk-button--danger"
                  aria-label={t('phases.remove', { label: phase.label })}
                  title={t('phases.remove', { label: phase.label })}
                  onClick={() => setRemoving(phase)}
                >
                  ×
                </button>
              </span>
            )}
          </li>
        ))}
      </ol>
      {phases.length === 0 && <p className="kk-muted">{t('phases.none')}</p>}
      {!readOnly && (
        <form
          className="kk-phases-panel__add"
          onSubmit={(e) => {
            e.preventDefault();
            model.addPhase(newLabel.trim() || t('inspector.newPhase'));
            setNewLabel('');
          }}
        >
          <label className="kk-field">
            <span>{t('phases.newName')}</span>
            <input
              value={newLabel}
              placeholder={t('inspector.newPhase')}
              onChange={(e) => setNewLabel(e.target.value)}
            />
          </label>
          <button type="submit" className="kk-button kk-button--small">
            + {t('inspector.addPhase')}
          </button>
        </form>
      )}
      <p className="kk-visually-hidden" aria-live="polite">
        {announce}
      </p>
      {removing && (
        <Dialog title={t('phases.removeTitle')} onClose={() => setRemoving(null)}>
          <p>{t('phases.removeConfirm', { label: removing.label, count: count(removing.id) })}</p>
          <div className="kk-dialog__actions">
            <button type="button" className="kk-button" onClick={() => setRemoving(null)}>
              {t('home.cancel')}
            </button>
            <button
              type="button"
              className="kk-button kk-button--primary"
              onClick={() => {
                model.deletePhase(removing.id);
                setRemoving(null);
              }}
            >
              {t('phases.removeButton')}
            </button>
          </div>
        </Dialog>
      )}
    </section>
  );
}
