import { createContext } from 'react';
import type { Rect } from '../../../canvas/placement';

/**
 * The window (flow coordinates) links are cut to on a big map (`clipCurve`), or null to draw them
 * whole. It changes only when the viewport leaves it, so the links re-render then, not on every pan.
 */
export const LinkWindowContext = createContext<Rect | null>(null);
