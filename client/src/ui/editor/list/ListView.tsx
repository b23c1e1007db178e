import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { ActorKind } from '../../../../../shared/model/types';
import {
  type CanvasFilter,
  EMPTY_CANVAS_FILTER,
  filterMatches,
  isFilterActive,
} from '../../../analysis/canvasFilter';
import type { CanvasStore } from '../../../canvas/CanvasStore';
import { addNoteToSelection } from '../../../canvas/canvasCommands';
import type { LinkChoice } from '../../../canvas/linkChoice';
import { useT } from '../../../i18n/i18n';
import { ActorListBuilder } from '../../../list/actorList';
import { listPlacement, moveToPhase } from '../../../list/listPlacement';
import { ConnectDialog } from '../keyboard/ConnectDialog';
import { type RowActions, rowId } from './ActorRowView';
import { ListAddForm } from './ListAddForm';
import { PhaseSection } from './PhaseSection';
import './list.css';

/** Where focus goes once the list has re-rendered after an action. */
type FocusAfter =
  | { readonly row: string; readonly target: 'edit' | 'name' | 'phase' }
  | { readonly note: string }
  | { readonly heading: string };

/**
 * The list view ("Lijst"): the map as text, an equal alternative to the canvas. Every actor by
 * phase with its kind, regie, municipality, KBO number, links and notes; add, edit, connect and
 * delete with forms. It reads the canvas store's snapshot (live, like the canvas), filters with
 * the canvas's own filter, shares its selection, and writes through the model API and the
 * canvas's commands.
 */
export function ListView({
  store,
  filter,
  onFilter,
  linkChoice,
  addRequest,
}: {
  store: CanvasStore;
  filter: CanvasFilter;
  onFilter: (filter: CanvasFilter) => void;
  linkChoice: LinkChoice;
  /** The palette asked for an actor of this kind (the add form takes it and gets focus). */
  addRequest: { kind: ActorKind; at: number } | null;
}) {
  const t = useT();
  const state = useSyncExternalStore(store.subscribe, store.getState);
  const selectedSet = useSyncExternalStore(store.subscribe, () => store.getView().selected);
  const readOnly = store.readOnly;
  const builder = useMemo(() => new ActorListBuilder(), []);
  const list = useMemo(() => {
    if (!isFilterActive(filter)) return builder.build(state);
    const matches = new Set(filterMatches(state, filter));
    return builder.build(state, (a) => matches.has(a.id));
  }, [builder, state, filter]);
  const selected = [...selectedSet].join(' ');
  const [editingId, setEditingId] = useState<string | null>(null);
  const [connecting, setConnecting] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const [kind, setKind] = useState<ActorKind>('service');
  const [added, setAdded] = useState<string | null>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const focusAfter = useRef<FocusAfter | null>(null);
  const single = selectedSet.size === 1 ? [...selectedSet][0]! : null;
  const reveal = added ?? single;

  // The canvas's selection, in view when the list opens (later selections come from the list itself).
  // biome-ignore lint/correctness/useExhaustiveDependencies: only on opening
  useEffect(() => {
    if (single) document.getElementById(rowId(single))?.scrollIntoView({ block: 'center' });
  }, []);
  useEffect(() => {
    if (!addRequest) return;
    setKind(addRequest.kind);
    nameRef.current?.focus();
  }, [addRequest]);
  // After every render: move focus where the last action said (rows come and go, move phases).
  useEffect(() => {
    const after = focusAfter.current;
    if (!after) return;
    focusAfter.current = null;
    let el: HTMLElement | null = null;
    if ('heading' in after) el = document.getElementById(after.heading);
    else if ('note' in after) el = document.querySelector(`[data-note="${after.note}"] textarea`);
    else {
      const row = document.getElementById(rowId(after.row));
      if (after.target === 'name') el = row?.querySelector('.kk-list-row__name') ?? null;
      else if (after.target === 'edit') el = row?.querySelector('[data-action="edit"]') ?? null;
      else el = row?.querySelector('[data-field="phase"] select') ?? null;
    }
    el?.focus();
    el?.scrollIntoView({ block: 'nearest' });
  });

  const actions: RowActions = useMemo(
    () => ({
      model: store.model,
      select: (id) => store.setSelected([id]),
      edit: (id) => {
        setEditingId((current) => {
          if (id === null && current) focusAfter.current = { row: current, target: 'edit' };
          return id;
        });
      },
      connect: (id) => setConnecting(id),
      remove: (id) => {
        const s = store.getState();
        const actor = s.actors.find((a) => a.id === id);
        if (!actor) return;
        // Focus the next row (or the one before, or the phase's heading) once this one is gone.
        const row = document.getElementById(rowId(id));
        const next = (row?.nextElementSibling ?? row?.previousElementSibling) as HTMLElement | null;
        const nextId = next?.dataset.actor;
        const heading = row?.parentElement?.querySelector('h2')?.id;
        focusAfter.current = nextId ? { row: nextId, target: 'name' } : heading ? { heading } : null;
        store.model.deleteElements({ actors: [id], links: [], notes: [] });
        setEditingId((current) => (current === id ? null : current));
        setMessage(t('list.removed', { name: actor.label || t(`kind.${actor.kind}`) }));
      },
      removeLink: (linkId) => {
        const button = document.activeElement as HTMLElement | null;
        const actorId = (button?.closest('[data-actor]') as HTMLElement | null)?.dataset.actor;
        if (actorId) focusAfter.current = { row: actorId, target: 'name' };
        store.model.deleteElements({ actors: [], links: [linkId], notes: [] });
        setMessage(t('list.linkRemoved'));
      },
      setPhase: (actorId, phaseId) => {
        // The row moves to its new phase's section: keep the focus on its phase field.
        focusAfter.current = { row: actorId, target: 'phase' };
        moveToPhase(store.model, store.getState(), actorId, phaseId);
      },
      addNote: (actorId, noteKind) => {
        store.setSelected([actorId]);
        const id = addNoteToSelection(store, noteKind, { x: 0, y: 0 });
        if (id) focusAfter.current = { note: id };
      },
    }),
    [store, t],
  );

  const add = (addKind: ActorKind, label: string, phaseId: string | null) => {
    const { centre, rect } = listPlacement(store.getState(), phaseId);
    const id = store.addActor(addKind, centre, label, rect);
    if (!id) return;
    setAdded(id);
    setMessage(t('list.added', { name: label }));
  };

  return (
    <div className="kk-list">
      <div className="kk-list__head">
        <h2 className="kk-list__title">{t('list.title')}</h2>
        <p className="kk-list__count">
          {isFilterActive(filter)
            ? t('list.countFiltered', { shown: list.shown, total: list.total })
            : t('list.count', { count: list.total })}
          {isFilterActive(filter) && (
            <button
              type="button"
              className="kk-button kk-button--small"
              onClick={() => onFilter(EMPTY_CANVAS_FILTER)}
            >
              {t('filterChip.clear')}
            </button>
          )}
        </p>
        <p className="kk-visually-hidden" role="status">
          {message}
        </p>
      </div>
      {!readOnly && (
        <ListAddForm phases={state.phases} kind={kind} onKind={setKind} nameRef={nameRef} onAdd={add} />
      )}
      {list.groups.map((group) => (
        <PhaseSection
          key={group.phase?.id ?? ''}
          group={group}
          selected={selected}
          editingId={editingId}
          readOnly={readOnly}
          phases={state.phases}
          reveal={reveal}
          actions={actions}
        />
      ))}
      {connecting && (
        <ConnectDialog
          store={store}
          sourceId={connecting}
          initialChoice={linkChoice}
          onClose={(linkId) => {
            setConnecting(null);
            const link = linkId ? store.getState().links.find((l) => l.id === linkId) : undefined;
            const target = link ? store.getState().actors.find((a) => a.id === link.target) : undefined;
            if (target) setMessage(t('list.linked', { name: target.label || t(`kind.${target.kind}`) }));
          }}
        />
      )}
    </div>
  );
}
