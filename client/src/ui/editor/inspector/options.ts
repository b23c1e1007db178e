import {
  ACTOR_KINDS,
  LINK_KINDS,
  NOTE_KINDS,
  NOTE_STATUSES,
  PRIORITIES,
  REGIE_LEVELS,
  WARMTHS,
} from '../../../../../shared/model/types';
import type { Translate } from '../../../i18n/i18n';

/** Translated option lists for the inspector's selects. */
export function inspectorOptions(t: Translate) {
  return {
    actorKinds: ACTOR_KINDS.map((value) => ({ value, label: t(`kind.${value}`) })),
    linkKinds: LINK_KINDS.map((value) => ({ value, label: t(`link.${value}`) })),
    noteKinds: NOTE_KINDS.map((value) => ({ value, label: t(`note.${value}`) })),
    noteStatuses: NOTE_STATUSES.map((value) => ({ value, label: t(`noteStatus.${value}`) })),
    priorities: PRIORITIES.map((value) => ({ value, label: t(`priority.${value}`) })),
    regie: REGIE_LEVELS.map((value) => ({ value, label: t(`regie.${value}`) })),
    warmths: WARMTHS.map((value) => ({ value, label: t(`warmth.${value}`) })),
  };
}
