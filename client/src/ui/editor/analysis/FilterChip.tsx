import { useEffect, useMemo, useRef } from 'react';
import { EMPTY_CANVAS_FILTER, filterMatches, isFilterActive } from '../../../analysis/canvasFilter';
import type { CanvasStore } from '../../../canvas/CanvasStore';
import { useT } from '../../../i18n/i18n';
import type { ChainIntelligence } from './useChainIntelligence';
import './filterChip.css';

/**
 * An active filter, on the canvas itself: how many actors it leaves, or that it leaves none, and
 * the way to clear it, so nobody wonders why half the map is grey. A name search brings its
 * matches into view.
 */
export function FilterChip({ intel, store }: { intel: ChainIntelligence; store: CanvasStore }) {
  const t = useT();
  const { filter, state } = intel;
  const active = isFilterActive(filter);
  const matches = useMemo(() => (active ? filterMatches(state, filter) : []), [active, state, filter]);
  const search = filter.search.trim();
  const framed = useRef('');
  useEffect(() => {
    const key = `${search}|${matches.join(',')}`;
    if (search === '' || matches.length === 0 || framed.current === key) return;
    framed.current = key;
    store.decorations.frameElements(matches, { padding: 0.4 });
  }, [search, matches, store]);
  if (!active) return null;
  return (
    <div className={`kk-filter-chip${matches.length === 0 ? ' is-empty' : ''}`} role="status">
      <span>
        {matches.length === 0 ? t('filterChip.none') : t('filterChip.active', { count: matches.length })}
      </span>
      <button
        type="button"
        className="kk-filter-chip__clear"
        onClick={() => intel.setFilter(EMPTY_CANVAS_FILTER)}
      >
        {t('filterChip.clear')}
      </button>
    </div>
  );
}
