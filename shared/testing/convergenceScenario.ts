/**
 * The convergence fuzz's scenario: peers make random model calls and exchange updates in random
 * order with random disconnects. Shared by the convergence fuzz and the document shape tests, which
 * check every update the scenario delivers against the doc it is applied to.
 */
import * as Y from 'yjs';
import { ChainMap } from '../model/ChainMap';
import type { TextFieldRef } from '../model/liveText';
import { ACTOR_KINDS, LINK_KINDS, NOTE_KINDS, NOTE_STATUSES, REGIE_LEVELS } from '../model/types';
import { SeededRandom } from '../seededRandom';

export interface Peer {
  readonly map: ChainMap;
  online: boolean;
  /** Updates addressed to this peer and not yet applied, in arrival order. */
  readonly inbox: Uint8Array[];
}

export function runScenario(
  seed: number,
  ops: number,
  peerCount = 4,
  beforeApply?: (update: Uint8Array, doc: Y.Doc) => void,
): Peer[] {
  const rng = new SeededRandom(seed);
  const origin = ChainMap.create(new Y.Doc(), { title: 'fuzz' });
  const peers: Peer[] = Array.from({ length: peerCount }, () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(origin.doc));
    return { map: new ChainMap(doc), online: true, inbox: [] };
  });
  for (const peer of peers) {
    peer.map.doc.on('update', (update: Uint8Array, from: unknown) => {
      if (from === 'network') return;
      for (const other of peers) if (other !== peer) other.inbox.push(update);
    });
  }

  const deliverSome = (peer: Peer) => {
    // Random order within the inbox: Yjs must cope with updates that arrive before their causes.
    const count = rng.int(peer.inbox.length + 1);
    for (let i = 0; i < count; i++) {
      const [update] = peer.inbox.splice(rng.int(peer.inbox.length), 1);
      if (!update) continue;
      beforeApply?.(update, peer.map.doc);
      Y.applyUpdate(peer.map.doc, update, 'network');
    }
  };

  for (let step = 0; step < ops; step++) {
    const peer = rng.pick(peers)!;
    const roll = rng.next();
    if (roll < 0.05) {
      peer.online = !peer.online;
    } else if (roll < 0.25) {
      if (peer.online) deliverSome(peer);
    } else {
      randomOperation(peer.map, rng);
    }
  }
  for (const peer of peers) peer.online = true;
  // Full exchange: every update reaches everyone, in random order, until all inboxes are empty.
  while (peers.some((p) => p.inbox.length > 0)) {
    for (const peer of peers) {
      while (peer.inbox.length > 0) {
        const [update] = peer.inbox.splice(rng.int(peer.inbox.length), 1);
        beforeApply?.(update!, peer.map.doc);
        Y.applyUpdate(peer.map.doc, update!, 'network');
      }
    }
  }
  return peers;
}

function randomOperation(map: ChainMap, rng: SeededRandom): void {
  const actors = map.actors();
  const links = map.links();
  const notes = map.notes();
  const phases = map.phases();
  const anyActor = () => rng.pick(actors)?.id;
  const kind = rng.int(14);
  switch (kind) {
    case 0:
    case 1:
      map.addActor({
        kind: rng.pick(ACTOR_KINDS)!,
        label: `actor ${rng.int(1000)}`,
        position: { x: rng.int(2000), y: rng.int(1000) },
        phaseId: rng.pick(phases)?.id ?? null,
      });
      return;
    case 2: {
      const id = anyActor();
      if (id) map.updateActor(id, { label: `renamed ${rng.int(1000)}`, regie: rng.pick(REGIE_LEVELS)! });
      return;
    }
    case 3: {
      const moves = actors
        .filter(() => rng.bool(0.2))
        .map((a) => ({
          id: a.id,
          position: { x: rng.int(2000), y: rng.int(1000) },
          phaseId: rng.pick(phases)?.id ?? null,
        }));
      if (moves.length > 0) map.moveActors(moves);
      return;
    }
    case 4: {
      const id = anyActor();
      if (id && rng.bool(0.5)) map.deleteElements({ actors: [id] });
      return;
    }
    case 5:
    case 6: {
      const source = anyActor();
      const target = anyActor();
      if (source && target && source !== target) {
        map.addLink({ kind: rng.pick(LINK_KINDS)!, source, target, warmth: rng.bool() ? 'warm' : 'cold' });
      }
      return;
    }
    case 7: {
      const link = rng.pick(links);
      if (!link) return;
      if (rng.bool(0.3)) map.deleteElements({ links: [link.id] });
      else map.updateLink(link.id, { warmth: rng.bool() ? 'warm' : 'cold', owner: `owner ${rng.int(9)}` });
      return;
    }
    case 8: {
      const anchorActor = rng.bool(0.5) ? anyActor() : undefined;
      const anchorLink = !anchorActor && rng.bool(0.5) ? rng.pick(links)?.id : undefined;
      map.addNote({
        kind: rng.pick(NOTE_KINDS)!,
        text: `note ${rng.int(1000)}`,
        anchor: anchorActor
          ? { type: 'actor', id: anchorActor }
          : anchorLink
            ? { type: 'link', id: anchorLink }
            : null,
      });
      return;
    }
    case 9: {
      const note = rng.pick(notes);
      if (!note) return;
      if (rng.bool(0.2)) map.deleteElements({ notes: [note.id] });
      else map.updateNote(note.id, { status: rng.pick(NOTE_STATUSES)!, owner: `owner ${rng.int(9)}` });
      return;
    }
    case 10: {
      if (phases.length < 8 && rng.bool(0.6))
        map.addPhase(`fase ${rng.int(100)}`, { afterId: rng.pick(phases)?.id ?? null });
      else {
        const phase = rng.pick(phases);
        if (phase && rng.bool(0.3)) map.deletePhase(phase.id);
        else if (phase) map.renamePhase(phase.id, `fase ${rng.int(100)}`);
      }
      return;
    }
    case 11: {
      const phase = rng.pick(phases);
      if (phase) map.movePhase(phase.id, rng.bool(0.2) ? null : (rng.pick(phases)?.id ?? null));
      return;
    }
    default: {
      // Typing in a text field: a word inserted, or a few characters deleted, at a random caret.
      const targets: TextFieldRef[] = [
        ...actors.flatMap((a) => [
          { collection: 'actors' as const, id: a.id, field: 'label' as const },
          { collection: 'actors' as const, id: a.id, field: 'description' as const },
        ]),
        ...links.map((l) => ({ collection: 'links' as const, id: l.id, field: 'description' as const })),
        ...notes.map((n) => ({ collection: 'notes' as const, id: n.id, field: 'text' as const })),
      ];
      const ref = rng.pick(targets);
      if (!ref) return;
      const field = map.liveText(ref);
      const value = field.read();
      const at = rng.int(value.length + 1);
      if (rng.bool(0.7) || value.length === 0) {
        field.type(`${value.slice(0, at)}${rng.pick(WORDS)!} ${value.slice(at)}`, at);
      } else {
        const end = Math.min(value.length, at + 1 + rng.int(4));
        field.type(value.slice(0, at) + value.slice(end), at);
      }
    }
  }
}

const WORDS = ['onthaal', 'taal', 'werk', 'OCMW', 'ëën', 'tolk', '🙂', 'wonen'];
