import { kboToStore, storedKbo } from '../kbo';
import { ACTOR_KINDS, type Actor, type ActorInput, type ActorKind, REGIE_LEVELS } from '../types';
import {
  type Fields,
  flag,
  idOrNull,
  ORIGIN,
  oneOf,
  type Parsed,
  position,
  stringList,
  text,
} from './fieldValues';

/**
 * The actor record: a service, partner, collaboration, handover point, target group or role.
 * Stored as its own map of fields under its id in the actors root.
 *
 * Required: `kind` (one of ACTOR_KINDS) and `position`; without them the actor is invalid, skipped
 * and reported. Every other field reads as its default when absent or malformed.
 */

/** What each optional field reads as when absent or invalid. */
export const ACTOR_DEFAULTS: Readonly<Omit<Actor, 'id' | 'kind' | 'position'>> = Object.freeze({
  label: '',
  description: '',
  phaseId: null,
  regie: null,
  tags: Object.freeze([]),
  contact: '',
  entryPoint: false,
  municipality: '',
  needs: '',
  languages: Object.freeze([]),
  kbo: '',
});

/** The kinds the KBO number belongs to: organisations with an ondernemingsnummer. */
export const KBO_KINDS: readonly ActorKind[] = ['partner', 'collaboration'];

/**
 * The fields of an actor write as they are stored: a KBO number given in any common notation
 * becomes its ten digits. Throws InvalidKboError (before any transaction opens) for a number that
 * fails its check, so an invalid number is never written by this app.
 */
export function checkedActorFields<T extends { readonly kbo?: string }>(fields: T): T {
  if (fields.kbo === undefined) return fields;
  const kbo = kboToStore(fields.kbo);
  return kbo === fields.kbo ? fields : { ...fields, kbo };
}

/** Fields a stored actor must have to be read at all. */
export const ACTOR_REQUIRED = ['kind', 'position'] as const;

/** The fields stored for a new actor: the input, plus a label and the required position. */
export function newActorFields(input: Omit<ActorInput, 'id'>): Record<string, unknown> {
  return { label: ACTOR_DEFAULTS.label, position: ORIGIN, ...input };
}

export function parseActor(id: string, f: Fields): Parsed<Actor> {
  const kind = oneOf(ACTOR_KINDS, f.kind);
  if (!kind) return { ok: false, reason: `unknown actor kind ${JSON.stringify(f.kind)}` };
  const pos = position(f.position);
  if (!pos) return { ok: false, reason: 'missing or invalid position' };
  const d = ACTOR_DEFAULTS;
  return {
    ok: true,
    value: {
      id,
      kind,
      label: text(f.label, d.label),
      description: text(f.description, d.description),
      phaseId: idOrNull(f.phaseId) ?? d.phaseId,
      regie: oneOf(REGIE_LEVELS, f.regie) ?? d.regie,
      tags: stringList(f.tags, d.tags),
      contact: text(f.contact, d.contact),
      position: pos,
      entryPoint: flag(f.entryPoint, d.entryPoint),
      municipality: text(f.municipality, d.municipality),
      needs: text(f.needs, d.needs),
      languages: stringList(f.languages, d.languages),
      kbo: storedKbo(f.kbo, d.kbo),
    },
  };
}
