// Types only: the interchange module itself is loaded on first use (ImportSession).
import type { ColumnTarget, TableRole } from '../../../../../shared/interchange';
import type { ActorKind } from '../../../../../shared/model/types';
import { type MessageKey, useT } from '../../../i18n/i18n';
import type { ImportState, MappedTable, TableChoice } from '../../../interchange/ImportSession';
import { EnumSelect } from '../../common/EnumSelect';
import { enumOptions } from '../../common/enumOptions';
import { ImportProblemList } from './ImportProblemList';

const ROLES: readonly TableChoice[] = ['elements', 'connections', 'notes', 'phases', 'skip'];
/** Roles whose unmapped columns can go into the description. */
const APPENDABLE: readonly TableRole[] = ['elements', 'connections'];

interface Props {
  state: ImportState;
  onRole: (key: string, role: TableChoice) => void;
  onColumn: (key: string, column: number, target: ColumnTarget) => void;
  onDefaultKind: (kind: ActorKind) => void;
}

/** The column-mapping step: per table what it holds, per column which field, over its first rows. */
export function ColumnMappingStep({ state, onRole, onColumn, onDefaultKind }: Props) {
  const t = useT();
  return (
    <div className="kk-import__mapping">
      <p>{t('import.mappingIntro')}</p>
      {state.tables.map((table) => (
        <MappingTable key={table.key} table={table} onRole={onRole} onColumn={onColumn} />
      ))}
      {state.needsDefaultKind && (
        <label className="kk-field kk-import__kind">
          <span className="kk-field__label">{t('import.defaultKind')}</span>
          <EnumSelect
            value={state.defaultKind}
            options={enumOptions(t).actorKinds}
            onChange={(kind) => kind && onDefaultKind(kind)}
          />
        </label>
      )}
    </div>
  );
}

function MappingTable({
  table,
  onRole,
  onColumn,
}: {
  table: MappedTable;
  onRole: Props['onRole'];
  onColumn: Props['onColumn'];
}) {
  const t = useT();
  const { file, sheet, header } = table.table;
  const title = sheet === undefined ? t('import.table', { file }) : t('import.tableSheet', { file, sheet });
  const role = table.mapping.role;
  const targets: { value: ColumnTarget; label: string }[] = [
    ...table.fields.map((field) => ({
      value: field as ColumnTarget,
      label: t(`interchange.field.${field}` as MessageKey),
    })),
    ...(APPENDABLE.includes(role)
      ? [{ value: 'append' as const, label: t('interchange.target.append') }]
      : []),
    { value: 'ignore', label: t('interchange.target.ignore') },
  ];
  const rows = table.preview;
  const skipped = table.role === 'skip';
  return (
    <section className="kk-import__table" aria-label={title}>
      <header className="kk-import__table-head">
        <h3>{title}</h3>
        <span className="kk-muted">{t('import.rows', { count: table.table.rows.length })}</span>
        <label className="kk-import__role">
          <span>{t('import.role')}</span>
          <EnumSelect
            value={table.role}
            options={ROLES.map((r) => ({ value: r, label: t(`import.role.${r}`) }))}
            onChange={(r) => r && onRole(table.key, r)}
          />
        </label>
      </header>
      {!skipped && (
        <>
          <div className="kk-import__grid-wrap">
            <table className="kk-import__grid">
              <caption className="kk-visually-hidden">
                {t('import.firstRows', { count: rows.length })}
              </caption>
              <thead>
                <tr>
                  {header.map((h, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: columns are positional
                    <th key={i} scope="col">
                      {h || '—'}
                    </th>
                  ))}
                </tr>
                <tr className="kk-import__targets">
                  {header.map((h, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: columns are positional
                    <td key={i}>
                      <EnumSelect
                        aria-label={t('import.columnTarget', { column: h || String(i + 1) })}
                        value={table.mapping.columns[i] ?? 'ignore'}
                        options={targets}
                        onChange={(target) => target && onColumn(table.key, i, target)}
                        className={table.mapping.columns[i] === 'ignore' ? 'is-ignored' : undefined}
                      />
                    </td>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.row}>
                    {header.map((_, i) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: columns are positional
                      <td key={i}>{row.cells[i] ?? ''}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <ImportProblemList
            problems={table.problems}
            title={t('import.problemsTitle', { count: table.problems.length })}
          />
        </>
      )}
    </section>
  );
}
