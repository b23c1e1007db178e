import { LINK_CHOICES, type LinkChoice, linkChoiceId } from '../../canvas/linkChoice';
import { linkStyle } from '../../canvas/linkStyle';
import { type Translate, useT } from '../../i18n/i18n';
import './palette.css';

export function linkChoiceLabel(t: Translate, choice: LinkChoice): string {
  if (choice.kind === 'handover')
    return t(choice.warmth === 'warm' ? 'link.warmHandover' : 'link.coldHandover');
  return t(`link.${choice.kind}`);
}

/** A small line sample: the same stroke, dash and arrow as on the canvas. */
export function LinkSample({ choice }: { choice: LinkChoice }) {
  const s = linkStyle(choice.kind, choice.kind === 'handover' ? choice.warmth : null);
  return (
    <svg width="40" height="12" viewBox="0 0 40 12" aria-hidden="true" focusable="false">
      <line
        x1="3"
        y1="6"
        x2="33"
        y2="6"
        style={{ stroke: s.stroke }}
        strokeWidth={s.strokeWidth}
        strokeDasharray={s.dash}
      />
      {s.arrowEnd && <path d="M31 1l8 5-8 5z" style={{ fill: s.stroke }} />}
      {s.arrowStart && <path d="M9 1L1 6l8 5z" style={{ fill: s.stroke }} />}
    </svg>
  );
}

/** Which kind of link a drag between two actors creates. */
export function LinkKindChooser({
  value,
  onChange,
}: {
  value: LinkChoice;
  onChange: (c: LinkChoice) => void;
}) {
  const t = useT();
  return (
    <fieldset className="kk-linkkind">
      <legend>{t('editor.linkKind')}</legend>
      {LINK_CHOICES.map((choice) => {
        const id = linkChoiceId(choice);
        return (
          <label key={id} className={`kk-linkkind__option${linkChoiceId(value) === id ? ' is-active' : ''}`}>
            <input
              type="radio"
              name="kk-link-kind"
              value={id}
              checked={linkChoiceId(value) === id}
              onChange={() => onChange(choice)}
            />
            <LinkSample choice={choice} />
            <span>{linkChoiceLabel(t, choice)}</span>
          </label>
        );
      })}
    </fieldset>
  );
}
