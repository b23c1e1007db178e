import type { ValueRoot } from '../layout';
import type { MapMeta } from '../types';

/**
 * The map's own fields, as plain values in the meta root: its title, municipality and the schema
 * version of its layout. A doc without a (valid) schema version reads as version 0: not yet
 * initialised by any peer, or made by a pre-release build.
 */

export const META_DEFAULTS: Readonly<Omit<MapMeta, 'schemaVersion'>> = Object.freeze({
  title: '',
  municipality: '',
});

export function schemaVersionOf(meta: ValueRoot): number {
  const v = meta.get('schemaVersion');
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : 0;
}

export function parseMeta(meta: ValueRoot): MapMeta {
  const title = meta.get('title');
  const municipality = meta.get('municipality');
  return {
    title: typeof title === 'string' ? title : META_DEFAULTS.title,
    municipality: typeof municipality === 'string' ? municipality : META_DEFAULTS.municipality,
    schemaVersion: schemaVersionOf(meta),
  };
}
