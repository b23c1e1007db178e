import type { ChainMap } from '../model/ChainMap';
import { ACTOR_HEIGHT, ACTOR_WIDTH, LANE_WIDTH, laneX } from '../model/laneGeometry';
import type { ActorInput, ActorKind, LinkInput, LinkKind, NoteInput, NoteKind } from '../model/types';

/**
 * The one template system: a template (the ketenaanpak starter, a demo map) is plain data, turned
 * into elements through the ChainMap API in one transaction (one update on the wire, one undo
 * step). Keys name elements inside the spec only; the map gets fresh ids, so a template can be
 * loaded into any map, even twice. Lanes are appended after the map's existing ones, and each actor
 * stands centred in its lane's column, `row` rows down.
 */

export interface TemplateActor {
  readonly key: string;
  readonly kind: ActorKind;
  readonly label: string;
  /** Lane index in `phases`; the actor is placed in that lane's column. */
  readonly lane: number;
  readonly row: number;
  readonly extra?: Partial<Omit<ActorInput, 'kind' | 'label' | 'phaseId' | 'position'>>;
}

export interface TemplateLink {
  readonly from: string;
  readonly to: string;
  readonly kind: LinkKind;
  readonly extra?: Partial<Omit<LinkInput, 'kind' | 'source' | 'target'>>;
}

export interface TemplateNote {
  readonly key?: string;
  readonly kind: NoteKind;
  readonly text: string;
  /** An actor key (the actor becomes the owner) or a person's name. */
  readonly owner?: { readonly actor: string } | string;
  readonly due?: string;
  readonly status?: NoteInput['status'];
  readonly priority?: NoteInput['priority'];
  readonly regie?: NoteInput['regie'];
  /** Anchor to an actor key, or to the link `from → to`. */
  readonly on?: { readonly actor: string } | { readonly link: readonly [string, string] };
  /** For an action: the key of the gap it tackles. */
  readonly tackles?: string;
}

export interface TemplateSpec {
  readonly phases: readonly string[];
  readonly actors: readonly TemplateActor[];
  readonly links: readonly TemplateLink[];
  readonly notes: readonly TemplateNote[];
}

const TOP = 120;
const ROW_HEIGHT = ACTOR_HEIGHT + 72;

export function buildTemplate(map: ChainMap, spec: TemplateSpec): void {
  map.transact(() => {
    const laneIds = spec.phases.map((label) => map.addPhase(label));
    const actorIds = new Map<string, string>();
    const actorLane = new Map<string, number>();
    for (const a of spec.actors) {
      const id = map.addActor({
        ...a.extra,
        kind: a.kind,
        label: a.label,
        phaseId: laneIds[a.lane] ?? null,
        position: { x: laneX(a.lane) + (LANE_WIDTH - ACTOR_WIDTH) / 2, y: TOP + a.row * ROW_HEIGHT },
      });
      actorIds.set(a.key, id);
      actorLane.set(a.key, a.lane);
    }
    const actor = (key: string) => {
      const id = actorIds.get(key);
      if (!id) throw new Error(`template: unknown actor ${key}`);
      return id;
    };
    const linkIds = new Map<string, string>();
    for (const l of spec.links) {
      const id = map.addLink({ ...l.extra, kind: l.kind, source: actor(l.from), target: actor(l.to) });
      linkIds.set(`${l.from}>${l.to}`, id);
    }
    const noteIds = new Map<string, string>();
    spec.notes.forEach((n, i) => {
      let anchor: NoteInput['anchor'] = null;
      let lane: number | undefined;
      if (n.on && 'actor' in n.on) {
        anchor = { type: 'actor', id: actor(n.on.actor) };
        lane = actorLane.get(n.on.actor);
      } else if (n.on) {
        const id = linkIds.get(`${n.on.link[0]}>${n.on.link[1]}`);
        if (!id) throw new Error(`template: unknown link ${n.on.link.join(' → ')}`);
        anchor = { type: 'link', id };
        lane = actorLane.get(n.on.link[1]);
      }
      const id = map.addNote({
        kind: n.kind,
        text: n.text,
        owner: typeof n.owner === 'object' ? actor(n.owner.actor) : (n.owner ?? ''),
        due: n.due ?? '',
        status: n.status ?? 'open',
        priority: n.priority ?? null,
        regie: n.regie ?? null,
        anchor,
        phaseId: lane === undefined ? null : (laneIds[lane] ?? null),
        sourceNoteId: n.tackles ? (noteIds.get(n.tackles) ?? null) : null,
        // Free-standing cards go below the lanes' actors, one per column.
        position: { x: laneX(i % Math.max(1, laneIds.length)) + 40, y: TOP + 7 * ROW_HEIGHT },
      });
      if (n.key) noteIds.set(n.key, id);
    });
  });
}
