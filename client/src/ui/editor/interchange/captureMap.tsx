import type { ReactFlowInstance, Rect, Viewport } from '@xyflow/react';
import { getViewportForBounds } from '@xyflow/react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { PICTURE_SIZES, type PictureSize } from '../../../interchange/pictureSizes';
import { PictureFrame, type PictureHeading } from './PictureFrame';

export type PictureFormat = 'png' | 'svg';
export type PictureArea = 'whole' | 'visible';

export interface PictureRequest {
  readonly format: PictureFormat;
  readonly area: PictureArea;
  readonly size: PictureSize;
  /** Title, municipality and date on top of the picture; null for a picture inside a document. */
  readonly heading: PictureHeading | null;
}

/** Thrown for a map with nothing on it. */
export class EmptyMapError extends Error {
  constructor() {
    super('the map has nothing to draw');
    this.name = 'EmptyMapError';
  }
}

/** How long to wait for React Flow to render every node after framing the whole map. */
const MAX_RENDER_FRAMES = 120;

/**
 * Draws the map as a picture, the way React Flow's own guide does it: html-to-image copies the
 * canvas's viewport element with its computed styles into an SVG (`toSvg`) and, for a PNG, paints
 * that onto a canvas (`toBlob`). Around the map: the title and date, and the legend
 * (`PictureFrame`).
 *
 * The canvas only renders the nodes in view (`onlyRenderVisibleElements`), so for the whole map it
 * is framed whole for a moment (every node then renders), the viewport is copied, and the user's
 * view is put back before the (slow) drawing starts. The copy sits in an off-screen frame laid out at
 * the picture's size, transformed so the map's bounds fill the frame's map area.
 */
export async function captureMap(flow: ReactFlowInstance, request: PictureRequest): Promise<Blob> {
  const root = document.querySelector<HTMLElement>('.kk-canvas .react-flow');
  const viewportElement = root?.querySelector<HTMLElement>('.react-flow__viewport');
  const nodes = flow.getNodes();
  if (!root || !viewportElement || nodes.length === 0) throw new EmptyMapError();

  const saved = flow.getViewport();
  let bounds: Rect;
  if (request.area === 'whole') {
    bounds = flow.getNodesBounds(nodes);
    await flow.fitView({ padding: 0.02, duration: 0, minZoom: 0.01, maxZoom: 1 });
    await allNodesRendered(root, nodes.length);
  } else {
    bounds = visibleBounds(saved, root.clientWidth, root.clientHeight);
  }

  const size = PICTURE_SIZES[request.size];
  const host = document.createElement('div');
  host.className = 'kk-picture-host';
  document.body.append(host);
  const frameRoot = createRoot(host);
  try {
    flushSync(() =>
      frameRoot.render(<PictureFrame width={size.width} height={size.height} heading={request.heading} />),
    );
    const frame = host.firstElementChild as HTMLElement;
    const slot = frame.querySelector<HTMLElement>('[data-picture-slot]')!;
    const copy = viewportElement.cloneNode(true) as HTMLElement;
    const fit = getViewportForBounds(bounds, slot.clientWidth, slot.clientHeight, 0.01, 4, 0.03);
    copy.style.transform = `translate(${fit.x}px, ${fit.y}px) scale(${fit.zoom})`;
    slot.append(copy);
    if (request.area === 'whole') flow.setViewport(saved);

    // html-to-image is pinned at 1.11.11, the version React Flow's "download image" example pins:
    // later releases (1.11.12, 1.11.13) drop the edges from the picture (an open issue of
    // html-to-image). Loaded on first use, like the interchange module.
    const { toBlob, toSvg } = await import('html-to-image');
    const options = {
      width: size.width,
      height: size.height,
      pixelRatio: size.pixelRatio,
      backgroundColor: getComputedStyle(document.documentElement).getPropertyValue('--kk-white').trim(),
      // The app uses the system's fonts: there is no web font to embed (and no stylesheet to fetch).
      skipFonts: true,
      filter: keepInPicture,
    };
    if (request.format === 'svg') {
      const dataUrl = await toSvg(frame, options);
      const svg = decodeURIComponent(dataUrl.slice(dataUrl.indexOf(',') + 1));
      return new Blob([svg], { type: 'image/svg+xml' });
    }
    const blob = await toBlob(frame, options);
    if (!blob) throw new Error('the browser could not draw the picture');
    return blob;
  } finally {
    if (request.area === 'whole' && !sameViewport(flow.getViewport(), saved)) flow.setViewport(saved);
    frameRoot.unmount();
    host.remove();
  }
}

/** What is not part of the map: other people's pointers, connection handles, selection boxes. */
function keepInPicture(node: HTMLElement): boolean {
  const classes = node.classList;
  if (!classes) return true;
  return !(
    classes.contains('kk-cursor') ||
    classes.contains('react-flow__handle') ||
    classes.contains('react-flow__nodesselection') ||
    classes.contains('react-flow__selection')
  );
}

/** The part of the flow the user sees, in flow coordinates. */
function visibleBounds(viewport: Viewport, width: number, height: number): Rect {
  return {
    x: -viewport.x / viewport.zoom,
    y: -viewport.y / viewport.zoom,
    width: width / viewport.zoom,
    height: height / viewport.zoom,
  };
}

async function allNodesRendered(root: HTMLElement, count: number): Promise<void> {
  for (let frame = 0; frame < MAX_RENDER_FRAMES; frame++) {
    await new Promise((resolve) => requestAnimationFrame(resolve));
    if (root.querySelectorAll('.react-flow__node').length >= count) return;
  }
}

function sameViewport(a: Viewport, b: Viewport): boolean {
  return a.x === b.x && a.y === b.y && a.zoom === b.zoom;
}
