import { useCallback, useEffect, useState } from 'react';
import { flushSync } from 'react-dom';

/**
 * Printing from the map view prints the map: the print document is mounted just before the browser
 * lays out the page (`beforeprint`, rendered synchronously so it is there in time; the same for the
 * "Kaart afdrukken" button and for Ctrl+P) and unmounted after it.
 */
export function useMapPrint(onMap: boolean): { printing: boolean; printMap: () => void } {
  const [printing, setPrinting] = useState(false);
  useEffect(() => {
    if (!onMap) return;
    const before = () => flushSync(() => setPrinting(true));
    const after = () => setPrinting(false);
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
      setPrinting(false);
    };
  }, [onMap]);
  const printMap = useCallback(() => {
    flushSync(() => setPrinting(true));
    window.print();
  }, []);
  return { printing, printMap };
}
