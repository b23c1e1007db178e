import { createContext } from 'react';
import { ActorLabels } from '../../../canvas/ActorLabels';

/** The canvas store's actor labels, which links read for their accessible names (see `LinkName`). */
export const ActorLabelsContext = createContext<ActorLabels>(new ActorLabels());
