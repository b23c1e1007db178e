import {
  ACTOR_KINDS,
  LINK_KINDS,
  NOTE_KINDS,
  NOTE_STATUSES,
  PRIORITIES,
  REGIE_LEVELS,
  WARMTHS,
} from '../../model/types';

/**
 * KetenKaart's own file format, `"ketenkaart/1"`: the map's content as the model reads it (meta,
 * lanes, actors, links, notes; on request its versions), every field written, so an export imports
 * back into an identical map. `docs/ketenkaart-1.schema.json` is this object, written out (a test
 * keeps the two equal). The value lists come from the model, so the schema follows it.
 *
 * Additions that keep old files valid (a new optional field) stay `ketenkaart/1`; a change that
 * old readers would misread gets a new format name.
 */

export const KETENKAART_FORMAT = 'ketenkaart/1';

const MAX_TEXT = 20_000;
const text = { type: 'string', maxLength: MAX_TEXT } as const;
const nullable = <T extends readonly string[]>(values: T) => ({ enum: [...values, null] }) as const;

export const KETENKAART_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'urn:ketenkaart:format:ketenkaart-1',
  title: 'KetenKaart map (ketenkaart/1)',
  description:
    'A KetenKaart chain map: meta, phase lanes, actors, links, notes and optionally its named versions.',
  type: 'object',
  required: ['format', 'meta', 'phases', 'actors', 'links', 'notes'],
  additionalProperties: false,
  properties: {
    format: { const: KETENKAART_FORMAT },
    exportedAt: { type: 'string', description: 'ISO 8601 time of the export.' },
    meta: { $ref: '#/$defs/meta' },
    phases: { type: 'array', items: { $ref: '#/$defs/phase' } },
    actors: { type: 'array', items: { $ref: '#/$defs/actor' } },
    links: { type: 'array', items: { $ref: '#/$defs/link' } },
    notes: { type: 'array', items: { $ref: '#/$defs/note' } },
    versions: { type: 'array', items: { $ref: '#/$defs/version' } },
  },
  $defs: {
    id: {
      type: 'string',
      pattern: '^[\\p{L}\\p{N}._:~-]{1,100}$',
      description: 'An element id: letters, digits and . _ : ~ -, at most 100.',
    },
    optionalId: { anyOf: [{ $ref: '#/$defs/id' }, { type: 'null' }] },
    text,
    tags: { type: 'array', maxItems: 200, items: text },
    regie: nullable(REGIE_LEVELS),
    position: {
      type: 'object',
      required: ['x', 'y'],
      additionalProperties: false,
      properties: { x: { type: 'number' }, y: { type: 'number' } },
    },
    meta: {
      type: 'object',
      required: ['title'],
      additionalProperties: false,
      properties: {
        title: text,
        municipality: text,
        schemaVersion: { type: 'integer', minimum: 0 },
      },
    },
    phase: {
      type: 'object',
      required: ['id', 'label', 'order'],
      additionalProperties: false,
      properties: {
        id: { $ref: '#/$defs/id' },
        label: text,
        order: { type: 'string', minLength: 1, maxLength: 200, description: 'Fractional order key.' },
      },
    },
    actor: {
      type: 'object',
      required: ['id', 'kind', 'label', 'position'],
      additionalProperties: false,
      properties: {
        id: { $ref: '#/$defs/id' },
        kind: { enum: [...ACTOR_KINDS] },
        label: text,
        description: text,
        phaseId: { $ref: '#/$defs/optionalId' },
        regie: { $ref: '#/$defs/regie' },
        tags: { $ref: '#/$defs/tags' },
        contact: text,
        position: { $ref: '#/$defs/position' },
        entryPoint: { type: 'boolean' },
        municipality: text,
        needs: text,
        languages: { $ref: '#/$defs/tags' },
        kbo: {
          type: 'string',
          pattern: '^(\\d{10})?$',
          description: 'KBO number (ondernemingsnummer), ten digits, or empty.',
        },
      },
    },
    link: {
      type: 'object',
      required: ['id', 'kind', 'source', 'target'],
      additionalProperties: false,
      properties: {
        id: { $ref: '#/$defs/id' },
        kind: { enum: [...LINK_KINDS] },
        source: { $ref: '#/$defs/id' },
        target: { $ref: '#/$defs/id' },
        label: text,
        description: text,
        warmth: nullable(WARMTHS),
        dataShared: { type: 'boolean' },
        owner: text,
        regie: { $ref: '#/$defs/regie' },
        tags: { $ref: '#/$defs/tags' },
      },
    },
    note: {
      type: 'object',
      required: ['id', 'kind'],
      additionalProperties: false,
      properties: {
        id: { $ref: '#/$defs/id' },
        kind: { enum: [...NOTE_KINDS] },
        text,
        status: { enum: [...NOTE_STATUSES] },
        owner: text,
        due: { type: 'string', pattern: '^(\\d{4}-\\d{2}-\\d{2})?$' },
        regie: { $ref: '#/$defs/regie' },
        priority: nullable(PRIORITIES),
        phaseId: { $ref: '#/$defs/optionalId' },
        anchor: {
          anyOf: [
            { type: 'null' },
            {
              type: 'object',
              required: ['type', 'id'],
              additionalProperties: false,
              properties: { type: { enum: ['actor', 'link'] }, id: { $ref: '#/$defs/id' } },
            },
          ],
        },
        position: { $ref: '#/$defs/position' },
        sourceNoteId: { $ref: '#/$defs/optionalId' },
      },
    },
    version: {
      type: 'object',
      required: ['id', 'name', 'createdAt', 'content'],
      additionalProperties: false,
      properties: {
        id: { $ref: '#/$defs/id' },
        name: text,
        author: text,
        createdAt: { type: 'number', description: 'Milliseconds since 1970-01-01 UTC.' },
        auto: { type: 'boolean' },
        content: {
          type: 'object',
          required: ['meta', 'phases', 'actors', 'links', 'notes'],
          additionalProperties: false,
          properties: {
            meta: { $ref: '#/$defs/meta' },
            phases: { type: 'array', items: { $ref: '#/$defs/phase' } },
            actors: { type: 'array', items: { $ref: '#/$defs/actor' } },
            links: { type: 'array', items: { $ref: '#/$defs/link' } },
            notes: { type: 'array', items: { $ref: '#/$defs/note' } },
          },
        },
      },
    },
  },
} as const;
