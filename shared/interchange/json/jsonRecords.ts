import type { ImportRecords } from '../mapping/records';
import {
  actorFromJson,
  contentFromJson,
  type KetenKaartDocument,
  linkFromJson,
  noteFromJson,
} from './jsonElements';

/**
 * A `ketenkaart/1` file as import records: every field given, references by exact id, so importing
 * into an empty map recreates the exported one (same ids, fields, positions and lane order).
 */
export function jsonRecords(file: string, doc: KetenKaartDocument): ImportRecords {
  return {
    meta: { title: doc.meta.title, municipality: doc.meta.municipality ?? '' },
    phases: doc.phases.map((p, i) => ({
      source: { file, path: `phases/${i}` },
      id: p.id,
      label: p.label,
      order: p.order,
    })),
    actors: doc.actors.map((json, i) => {
      const { id, kind, label, phaseId, position, kbo, ...fields } = actorFromJson(json);
      return {
        source: { file, path: `actors/${i}` },
        id,
        kbo: kbo === '' ? null : kbo,
        label,
        kind,
        fields,
        phase: phaseId === null ? null : { by: 'id', value: phaseId },
        position,
      };
    }),
    links: doc.links.map((json, i) => {
      const { id, kind, source, target, warmth, ...fields } = linkFromJson(json);
      return {
        source: { file, path: `links/${i}` },
        id,
        from: { by: 'id', value: source },
        to: { by: 'id', value: target },
        kind,
        warmth,
        direction: null,
        fields,
      };
    }),
    notes: doc.notes.map((json, i) => {
      const { id, kind, phaseId, anchor, sourceNoteId, position, ...fields } = noteFromJson(json);
      return {
        source: { file, path: `notes/${i}` },
        id,
        kind,
        fields,
        phase: phaseId === null ? null : { by: 'id', value: phaseId },
        anchor: anchor === null ? null : { by: 'id', value: anchor.id, type: anchor.type },
        sourceNote: sourceNoteId === null ? null : { by: 'id', value: sourceNoteId },
        position,
      };
    }),
    versions: (doc.versions ?? []).map((v, i) => ({
      source: { file, path: `versions/${i}` },
      info: { id: v.id, name: v.name, author: v.author ?? '', createdAt: v.createdAt, auto: v.auto ?? false },
      content: contentFromJson(v.content),
    })),
  };
}
