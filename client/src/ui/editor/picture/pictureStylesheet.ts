import tokens from '../../../theme/tokens.css?inline';
import frame from '../interchange/picture.css?inline';
import map from './mapPicture.css?inline';

/**
 * The stylesheet an exported map picture carries: the theme's tokens (so every `var(--kk-*)` of
 * the frame and the map resolves inside the file), the frame's layout and the map's text. The same
 * files the app loads, as text (Vite's `?inline`), so the picture cannot drift from the page.
 */
export const PICTURE_STYLESHEET = [tokens, frame, map].join('\n');
