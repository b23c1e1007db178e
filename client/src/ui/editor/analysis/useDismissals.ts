import { useEffect, useState } from 'react';
import type { ChainMap } from '../../../../../shared/model/ChainMap';
import { hasChange } from '../../../../../shared/model/changeFeed';
import type { Dismissal } from '../../../../../shared/model/types';

/** The map's dismissed findings, re-read when a participant dismisses or restores one. */
export function useDismissals(model: ChainMap): Dismissal[] {
  const [dismissals, setDismissals] = useState(() => model.dismissals());
  useEffect(() => {
    setDismissals(model.dismissals());
    return model.onChange((changes) => {
      if (hasChange(changes, 'dismissals')) setDismissals(model.dismissals());
    });
  }, [model]);
  return dismissals;
}
