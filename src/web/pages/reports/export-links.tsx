import { useTranslation } from 'react-i18next';

/** Download links of one dashboard table (CSV for Excel in Italy, and XLSX). */
export function ExportLinks({ table, title, programmeId }: { table: string; title: string; programmeId: string | null }) {
  const { t } = useTranslation();
  const href = (format: string) => `/api/v1/reports/export/${table}?${new URLSearchParams({ ...(programmeId && { programmeId }), format })}`;
  return (
    <p className="small d-flex flex-wrap gap-3 align-items-center">
      <span>{t('reports.export')}:</span>
      <a href={href('csv')} download aria-label={t('reports.exportLabel', { table: title, format: 'CSV' })}>{t('reports.exportCsv')}</a>
      <a href={href('xlsx')} download aria-label={t('reports.exportLabel', { table: title, format: 'Excel' })}>{t('reports.exportXlsx')}</a>
    </p>
  );
}
