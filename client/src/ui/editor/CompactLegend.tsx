import { ACTOR_KINDS } from '../../../../shared/model/types';
import { LINK_CHOICES, linkChoiceId } from '../../canvas/linkChoice';
import { useT } from '../../i18n/i18n';
import { KindShape } from './KindIcon';
import { LinkSample, linkChoiceLabel } from './LinkKindChooser';
import './compactLegend.css';

/** The legend in one or two lines, for presenting and printing: every shape and line, named. */
export function CompactLegend() {
  const t = useT();
  return (
    <section className="kk-compact-legend" aria-label={t('legend.title')}>
      <ul>
        {ACTOR_KINDS.map((kind) => (
          <li key={kind}>
            <KindShape kind={kind} width={24} />
            <span>{t(`kind.${kind}`)}</span>
          </li>
        ))}
      </ul>
      <ul>
        {LINK_CHOICES.map((choice) => (
          <li key={linkChoiceId(choice)}>
            <LinkSample choice={choice} />
            <span>{linkChoiceLabel(t, choice)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
