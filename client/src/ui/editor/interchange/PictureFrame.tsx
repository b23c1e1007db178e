import { useT } from '../../../i18n/i18n';
import { LegendLists } from '../LegendLists';

export interface PictureHeading {
  readonly title: string;
  readonly municipality: string;
  readonly date: number;
}

/**
 * The page a map picture is drawn from: the title, municipality and date on top, the map in the
 * middle (the slot is filled with a copy of the canvas's viewport), the legend below. Laid out at
 * the picture's CSS size, off screen, for the time of one capture.
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
      {/* `react-flow` gives the copy React Flow's own CSS variables and rules. */}
      <div className="kk-picture__map react-flow" data-picture-slot="" />
      <footer className="kk-picture__legend">
        <strong>{t('picture.legend')}</strong>
        <LegendLists shapeWidth={44} />
      </footer>
    </div>
  );
}
