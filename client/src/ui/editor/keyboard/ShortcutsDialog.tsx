import { setAnnounceRemoteChanges, useAnnounceRemoteChanges } from '../../../a11y/announceSetting';
import { type MessageKey, useT } from '../../../i18n/i18n';
import { Dialog } from '../../common/Dialog';

/** Every shortcut, by group: the keys as printed on a keyboard, and what each does. */
export const SHORTCUT_GROUPS: readonly { title: MessageKey; keys: readonly [string, MessageKey][] }[] = [
  {
    title: 'keys.groupCanvas',
    keys: [
      ['Tab', 'keys.tab'],
      ['Shift+Tab', 'keys.shiftTab'],
      ['Enter', 'keys.select'],
      ['← ↑ → ↓', 'keys.arrows'],
      ['I', 'keys.inspector'],
    ],
  },
  {
    title: 'keys.groupEditing',
    keys: [
      ['A', 'keys.addActor'],
      ['F2', 'keys.rename'],
      ['C', 'keys.connect'],
      ['N', 'keys.note'],
      ['F', 'keys.phase'],
      ['Delete', 'keys.delete'],
    ],
  },
  {
    title: 'keys.groupGeneral',
    keys: [
      ['Ctrl+Z', 'keys.undo'],
      ['Ctrl+Shift+Z', 'keys.redo'],
      ['Ctrl+C, Ctrl+V', 'keys.copyPaste'],
      ['Esc', 'keys.escape'],
      ['P', 'keys.present'],
      ['?', 'keys.help'],
    ],
  },
];

/** "Sneltoetsen" (`?`): the shortcuts, and whether others' changes are read out. */
export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
  const announce = useAnnounceRemoteChanges();
  return (
    <Dialog title={t('keys.title')} onClose={onClose} wide>
      {/* Focusable so the dialog opens at its top (it focuses its first control). */}
      <div className="kk-shortcuts" tabIndex={-1}>
        {SHORTCUT_GROUPS.map((group) => (
          <table key={group.title} className="kk-shortcuts__table">
            <caption>{t(group.title)}</caption>
            <thead>
              <tr>
                <th scope="col">{t('keys.key')}</th>
                <th scope="col">{t('keys.action')}</th>
              </tr>
            </thead>
            <tbody>
              {group.keys.map(([key, action]) => (
                <tr key={key}>
                  <td>
                    <kbd>{key}</kbd>
                  </td>
                  <td>{t(action)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      </div>
      <label className="kk-check kk-shortcuts__announce">
        <input
          type="checkbox"
          checked={announce}
          onChange={(e) => setAnnounceRemoteChanges(e.target.checked)}
        />
        <span>{t('keys.announce')}</span>
      </label>
      <p className="kk-shortcuts__hint">{t('keys.announceHint')}</p>
      <div className="kk-dialog__actions">
        <button type="button" className="kk-button kk-button--primary" onClick={onClose}>
          {t('keys.close')}
        </button>
      </div>
    </Dialog>
  );
}
