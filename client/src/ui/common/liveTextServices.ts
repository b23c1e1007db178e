import { createContext, useContext } from 'react';
import type { CaretAnchor, TextFieldRef } from '../../../../shared/model/liveText';
import type { TextUndo } from '../../text/bindTextInput';

/**
 * What a live text input needs beyond the model: the map's undo history (Ctrl+Z in a field) and
 * where to announce the caret (presence). The editor provides them; without a provider an input
 * still types live, with the browser's own undo and without presence.
 */
export interface LiveTextServices {
  readonly undo?: TextUndo;
  announceCaret?(field: TextFieldRef, caret: { anchor: CaretAnchor; head: CaretAnchor } | null): void;
  /** Who else types in `field` right now, in their colours. */
  editors?(field: TextFieldRef): readonly FieldEditor[];
}

export interface FieldEditor {
  readonly key: number;
  readonly name: string;
  readonly colour: string;
}

export const LiveTextServicesContext = createContext<LiveTextServices>({});

export const useLiveTextServices = () => useContext(LiveTextServicesContext);
