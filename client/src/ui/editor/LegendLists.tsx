import { ACTOR_KINDS } from '../../../../shared/model/types';
import { LINK_CHOICES, linkChoiceId } from '../../canvas/linkChoice';
import { useT } from '../../i18n/i18n';
import { KindShape } from './KindIcon';
import { LinkSample, linkChoiceLabel } from './LinkKindChooser';

/**
 * The legend's two lists: every actor shape, then every line, each named. One source for the
 * canvas legend, the compact legend of presenting and printing, and the exported picture, so a
 * new kind or link appears in all of them. The parent styles the two `<ul>`s.
 */
export function LegendLists({ shapeWidth, withHelp = false }: { shapeWidth: number; withHelp?: boolean }) {
  const t = useT();
  return (
    <>
      <ul>
        {ACTOR_KINDS.map((kind) => (
          <li key={kind}>
            <KindShape kind={kind} width={shapeWidth} />
            {withHelp ? (
              <span>
                <strong>{t(`kind.${kind}`)}</strong> — {t(`kindHelp.${kind}`)}
              </span>
            ) : (
              <span>{t(`kind.${kind}`)}</span>
            )}
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
    </>
  );
}
