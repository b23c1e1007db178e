import { type ReactNode, useDeferredValue, useSyncExternalStore } from 'react';
import type { NoteKind } from '../../../../../shared/model/types';
import type { ChainAnalysis } from '../../../analysis/ChainAnalysis';
import type { CanvasStore } from '../../../canvas/CanvasStore';
import type { LinkChoice } from '../../../canvas/linkChoice';
import { useT } from '../../../i18n/i18n';
import { ActorInspector } from './ActorInspector';
import { LinkInspector } from './LinkInspector';
import { MapInspector } from './MapInspector';
import { NoteInspector } from './NoteInspector';
import './inspector.css';

interface Props {
  store: CanvasStore;
  linkChoice: LinkChoice;
  onAddNote: (kind: NoteKind) => void;
  analysis: ChainAnalysis;
  /** In compare mode: how the one selected element differs from the compared version. */
  renderComparison?: (id: string) => ReactNode;
}

/** Side panel: every field of the selected element, or the map's own settings. */
export function Inspector({ store, linkChoice, onAddNote, analysis, renderComparison }: Props) {
  const t = useT();
  // Re-render on model and selection changes only: not on every drag frame (the graph changes on
  // each), which on a big map re-rendered every select of the form sixty times a second.
  const state = useSyncExternalStore(store.subscribe, store.getState);
  // The selection as shown (held while a drag is under way), and rendered as a deferred update:
  // mounting a big form yields to the canvas' frames instead of blocking them.
  const selected = [...useDeferredValue(useSyncExternalStore(store.subscribe, store.getShownSelection))];
  const readOnly = store.readOnly;
  const select = (id: string) => store.setSelected([id]);
  let heading = t('inspector.map');
  let body: React.ReactNode;
  if (selected.length > 1) {
    heading = t('inspector.multi', { count: selected.length });
    body = null;
  } else if (selected.length === 1) {
    const id = selected[0]!;
    const actor = state.actors.find((a) => a.id === id);
    const link = actor ? undefined : state.links.find((l) => l.id === id);
    const note = actor || link ? undefined : state.notes.find((n) => n.id === id);
    if (actor) {
      heading = t(`kind.${actor.kind}`);
      body = (
        <ActorInspector
          key={actor.id}
          actor={actor}
          state={state}
          model={store.model}
          readOnly={readOnly}
          linkChoice={linkChoice}
          onLinked={select}
          onAddNote={onAddNote}
          onSelect={select}
          analysis={analysis}
          busy={store.isDragging}
        />
      );
    } else if (link) {
      heading =
        link.kind === 'handover' && link.warmth === 'warm' ? t('link.warmHandover') : t(`link.${link.kind}`);
      body = (
        <LinkInspector
          key={link.id}
          link={link}
          state={state}
          model={store.model}
          readOnly={readOnly}
          onSelect={select}
          onAddNote={onAddNote}
        />
      );
    } else if (note) {
      heading = t(`note.${note.kind}`);
      body = (
        <NoteInspector
          key={note.id}
          note={note}
          state={state}
          model={store.model}
          readOnly={readOnly}
          onSelect={select}
        />
      );
    }
  } else {
    body = <MapInspector state={state} model={store.model} readOnly={readOnly} />;
  }
  return (
    <aside
      className="kk-inspector"
      aria-labelledby="kk-inspector-title"
      // Which element the (deferred) inspector shows now: the keyboard layer waits for it before
      // it moves the focus into a field.
      data-shows={selected.length === 1 ? selected[0] : ''}
    >
      <h2 id="kk-inspector-title" className="kk-panel-title">
        {t('inspector.title')} · <span className="kk-inspector__kind">{heading}</span>
      </h2>
      {selected.length === 1 && renderComparison?.(selected[0]!)}
      {body}
    </aside>
  );
}
