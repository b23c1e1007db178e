import type { Actor } from '../model/types';

/**
 * The KBO number's way through the model. Partners and collaborations get an optional `kbo` field
 * (ten digits, or '') once the model's per-record modules land; until then the import plan carries
 * the number beside each actor and nothing writes it to the doc (a field the model does not
 * validate must not be stored). Reading is already field-aware: once `read()` returns actors with a
 * `kbo`, matching on it and exporting it work without a change here; writing starts when
 * `MODEL_STORES_KBO` is switched on (a test fails the day the model grows the field, as a reminder).
 */
export const MODEL_STORES_KBO = false;

/** The actor's stored KBO number, or null. */
export function actorKbo(actor: Actor): string | null {
  const kbo = (actor as Actor & { readonly kbo?: unknown }).kbo;
  return typeof kbo === 'string' && /^\d{10}$/.test(kbo) ? kbo : null;
}

/** The actor as it should be written: with its KBO number once the model stores it. */
export function withKbo(actor: Actor, kbo: string | null): Actor {
  if (!MODEL_STORES_KBO) return actor;
  return { ...actor, kbo: kbo ?? '' } as Actor;
}
