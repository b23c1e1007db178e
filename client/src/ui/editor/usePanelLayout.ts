import { useCallback, useState } from 'react';

/** Which side panels are collapsed, remembered on this device (not in the map: it is a view choice). */
export interface PanelLayout {
  left: boolean;
  right: boolean;
}

const STORAGE_KEY = 'ketenkaart.collapsedPanels';

function load(): PanelLayout {
  try {
    const raw = JSON.parse(
      globalThis.localStorage?.getItem(STORAGE_KEY) ?? 'null',
    ) as Partial<PanelLayout> | null;
    return { left: raw?.left === true, right: raw?.right === true };
  } catch {
    return { left: false, right: false };
  }
}

/** The collapsed state of the editor's left and right panels, each toggled on its own. */
export function usePanelLayout(): { collapsed: PanelLayout; toggle: (side: keyof PanelLayout) => void } {
  const [collapsed, setCollapsed] = useState(load);
  const toggle = useCallback((side: keyof PanelLayout) => {
    setCollapsed((current) => {
      const next = { ...current, [side]: !current[side] };
      try {
        globalThis.localStorage?.setItem(STORAGE_KEY, JSON.stringify(next));
      } catch {
        // A full or blocked storage only means the choice is not remembered.
      }
      return next;
    });
  }, []);
  return { collapsed, toggle };
}
