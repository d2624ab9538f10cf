import { useTranslation } from 'react-i18next';

export interface MappingColumn {
  index: number;
  header: string;
  /** A few values of the column, when the import has read them. */
  samples?: string[];
}

/**
 * The columns of the file and, for each, the field it fills ('' leaves it out): the worker import
 * and the catalogue import show the same table, each with its own fields and their labels.
 */
export function ColumnMappingTable({
  columns,
  fields,
  fieldLabel,
  value,
  onChange,
  disabled,
  labelledBy,
}: {
  columns: readonly MappingColumn[];
  fields: readonly string[];
  fieldLabel(field: string): string;
  /** The field of each column, by the column's index. */
  value: Record<string, string>;
  onChange(next: Record<string, string>): void;
  disabled: boolean;
  labelledBy: string;
}) {
  const { t } = useTranslation();
  const withSamples = columns.some((c) => c.samples !== undefined);
  return (
    <div className="table-responsive" tabIndex={0} role="region" aria-labelledby={labelledBy}>
      <table className="table table-sm align-middle">
        <thead>
          <tr>
            <th scope="col">{t('imports.mapping.column')}</th>
            {withSamples && (
              <th scope="col" className="d-none d-md-table-cell">
                {t('imports.mapping.samples')}
              </th>
            )}
            <th scope="col">{t('imports.mapping.field')}</th>
          </tr>
        </thead>
        <tbody>
          {columns.map((c) => (
            <tr key={c.index}>
              <th scope="row">{c.header}</th>
              {withSamples && <td className="small text-break d-none d-md-table-cell">{(c.samples ?? []).join(' · ')}</td>}
              <td>
                <select
                  className="form-select"
                  style={{ minWidth: '11rem' }}
                  aria-label={`${t('imports.mapping.field')}: ${c.header}`}
                  value={value[String(c.index)] ?? ''}
                  disabled={disabled}
                  onChange={(e) => {
                    const next = { ...value };
                    if (e.target.value) next[String(c.index)] = e.target.value;
                    else delete next[String(c.index)];
                    onChange(next);
                  }}
                >
                  <option value="">{t('imports.mapping.ignore')}</option>
                  {fields.map((f) => (
                    <option key={f} value={f}>
                      {fieldLabel(f)}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
