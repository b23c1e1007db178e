import {
  ACTOR_KINDS,
  LINK_KINDS,
  NOTE_KINDS,
  NOTE_STATUSES,
  PRIORITIES,
  REGIE_LEVELS,
  WARMTHS,
} from '../../../../shared/model/types';
import type { Translate } from '../../i18n/i18n';
import type { EnumOption } from './EnumSelect';

/** The model's enums as translated options, for every `EnumSelect` (inspector, plan, filters). */
export function enumOptions(t: Translate) {
  const list = <T extends string>(values: readonly T[], label: (value: T) => string): EnumOption<T>[] =>
    values.map((value) => ({ value, label: label(value) }));
  return {
    actorKinds: list(ACTOR_KINDS, (v) => t(`kind.${v}`)),
    linkKinds: list(LINK_KINDS, (v) => t(`link.${v}`)),
    noteKinds: list(NOTE_KINDS, (v) => t(`note.${v}`)),
    noteStatuses: list(NOTE_STATUSES, (v) => t(`noteStatus.${v}`)),
    priorities: list(PRIORITIES, (v) => t(`priority.${v}`)),
    regie: list(REGIE_LEVELS, (v) => t(`regie.${v}`)),
    warmths: list(WARMTHS, (v) => t(`warmth.${v}`)),
  };
}
