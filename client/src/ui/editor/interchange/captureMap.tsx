import type { Viewport } from '@xyflow/react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import type { ChainMapState } from '../../../../../shared/model/types';
import { PICTURE_SIZES, type PictureSize } from '../../../interchange/pictureSizes';
import { MapPicture } from '../picture/MapPicture';
import { visibleArea, wholeMapArea } from '../picture/pictureArea';
import { PICTURE_STYLESHEET } from '../picture/pictureStylesheet';
import { rasterise } from '../picture/rasterise';
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

/** What the canvas shows: its viewport and its size in CSS pixels, for "the visible part". */
export interface CanvasView {
  readonly viewport: Viewport;
  readonly width: number;
  readonly height: number;
}

/** Thrown for a map with nothing on it. */
export class EmptyMapError extends Error {
  constructor() {
    super('the map has nothing to draw');
    this.name = 'EmptyMapError';
  }
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * Draws the map as a picture from the model, the way tldraw exports: the picture is built as one
 * self-contained SVG and a PNG is that SVG painted onto a canvas. The frame (title, municipality
 * and date on top, the legend below: `PictureFrame`) is laid out off screen at the picture's size
 * and serialised into a `foreignObject`; the map (`MapPicture`, lanes, links, cards) is placed as
 * plain SVG over the frame's map slot, its viewBox the whole map or the part the canvas shows. The
 * stylesheet the two need (theme tokens included) is embedded, so the file draws the same outside
 * the app. Nothing is copied from React Flow's DOM and no computed style is read: the cost grows
 * with the number of cards and links, a few elements each.
 */
export async function captureMap(
  state: ChainMapState,
  request: PictureRequest,
  view: CanvasView | null,
): Promise<Blob> {
  const hasFreeNote = state.notes.some((n) => n.anchor === null);
  if (state.actors.length === 0 && !hasFreeNote && state.phases.length === 0) throw new EmptyMapError();
  const area =
    request.area === 'visible' && view
      ? visibleArea(view.viewport, view.width, view.height)
      : wholeMapArea(state);

  const size = PICTURE_SIZES[request.size];
  const host = document.createElement('div');
  host.className = 'kk-picture-host';
  document.body.append(host);
  const root = createRoot(host);
  try {
    flushSync(() =>
      root.render(
        <>
          <PictureFrame width={size.width} height={size.height} heading={request.heading} />
          <MapPicture state={state} area={area} />
        </>,
      ),
    );
    const frame = host.querySelector<HTMLElement>('.kk-picture')!;
    const slot = frame.querySelector<HTMLElement>('[data-picture-slot]')!;
    const map = host.querySelector<SVGSVGElement>('svg.kk-map-picture')!;
    const outer = frame.getBoundingClientRect();
    const inner = slot.getBoundingClientRect();
    map.setAttribute('x', String(inner.left - outer.left));
    map.setAttribute('y', String(inner.top - outer.top));
    map.setAttribute('width', String(inner.width));
    map.setAttribute('height', String(inner.height));

    const serializer = new XMLSerializer();
    const svg = [
      `<svg xmlns="${SVG_NS}" width="${size.width}" height="${size.height}" viewBox="0 0 ${size.width} ${size.height}">`,
      `<style>${escapeCss(PICTURE_STYLESHEET)}</style>`,
      `<foreignObject x="0" y="0" width="${size.width}" height="${size.height}">`,
      serializer.serializeToString(frame),
      '</foreignObject>',
      serializer.serializeToString(map),
      '</svg>',
    ].join('');
    if (request.format === 'svg') return new Blob([svg], { type: 'image/svg+xml' });
    return await rasterise(svg, size.width, size.height, size.pixelRatio);
  } finally {
    root.unmount();
    host.remove();
  }
}

/** CSS inside an SVG `<style>` is XML text: `<` and `&` (in selectors or strings) must be escaped. */
function escapeCss(css: string): string {
  return css.replaceAll('&', '&amp;').replaceAll('<', '&lt;');
}
