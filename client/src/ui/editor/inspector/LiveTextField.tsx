import type { ChainMap } from '../../../../../shared/model/ChainMap';
import type { TextFieldRef } from '../../../../../shared/model/liveText';
import { useT } from '../../../i18n/i18n';
import { LiveTextInput } from '../../common/LiveTextInput';
import { useLiveTextServices } from '../../common/liveTextServices';
import { FieldShell } from './fields';

/**
 * A text field of the map (label, description, needs, a note's text) in the inspector, typed live
 * together: peers typing in the same field show on it in their colour, with their name.
 */
export function LiveTextField({
  label,
  model,
  field,
  value,
  readOnly,
  multiline,
}: {
  label: string;
  model: ChainMap;
  field: TextFieldRef;
  /** The field's text, shown when read-only. */
  value: string;
  readOnly: boolean;
  multiline?: boolean;
}) {
  const t = useT();
  const { editors } = useLiveTextServices();
  const others = readOnly ? [] : (editors?.(field) ?? []);
  const first = others[0];
  const names = others.map((p) => p.name).join(', ');
  return (
    <FieldShell
      label={label}
      readOnly={readOnly}
      display={value}
      className={first ? 'kk-field--shared' : undefined}
      style={first ? { '--kk-peer-colour': first.colour } : undefined}
      after={
        others.length > 0 ? (
          <span className="kk-field__editors" role="status">
            {others.map((p) => (
              <span key={p.key} className="kk-peer-tag" style={{ background: p.colour }} aria-hidden="true">
                {p.name}
              </span>
            ))}
            <span className="kk-visually-hidden">
              {others.length === 1
                ? t('collab.editingField', { name: names })
                : t('collab.editingFieldMany', { names })}
            </span>
          </span>
        ) : null
      }
    >
      <LiveTextInput model={model} field={field} multiline={multiline} />
    </FieldShell>
  );
}
