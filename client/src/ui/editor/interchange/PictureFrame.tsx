import { useT } from '../../../i18n/i18n';
import { LegendLists } from '../LegendLists';

export interface PictureHeading {
  readonly title: string;
  readonly municipality: string;
  readonly date: number;
}

/**
 * The page a map picture is drawn from: the title, municipality and date on top, the map in the
 * middle (an empty slot: captureMap measures it and lays the map's SVG over it), the legend below.
 * Laid out at the picture's CSS size, off screen, for the time of one capture.
 */
export function PictureFrame({
  width,
  height,
  heading,
}: {
  width: number;
  height: number;
  heading: PictureHeading | null;
}) {
  const t = useT();
  return (
    <div className="kk-picture" style={{ width, height }}>
      {heading && (
        <header className="kk-picture__head">
          <h1>{heading.title}</h1>
          <p>
            {heading.municipality && <span>{heading.municipality} · </span>}
            {t('picture.date', { date: heading.date })}
          </p>
        </header>
      )}
      <div className="kk-picture__map" data-picture-slot="" />
      <footer className="kk-picture__legend">
        <strong>{t('picture.legend')}</strong>
        <LegendLists shapeWidth={44} />
      </footer>
    </div>
  );
}
