import { useTranslation } from 'react-i18next';
import { reportEndpoints } from '../../../shared/api/reports.endpoints';
import type { EXPORT_TABLES } from '../../../shared/schemas/reports.schema';
import { urlOf } from '../../api/client';

/**
 * Download links of one dashboard table (CSV for Excel in Italy, and XLSX). Plain links to the
 * contract's GET operation: the browser downloads with the session cookie and the server's name.
 */
export function ExportLinks({
  table,
  title,
  programmeId,
}: {
  table: (typeof EXPORT_TABLES)[number];
  title: string;
  programmeId: string | null;
}) {
  const { t, i18n } = useTranslation();
  // The interface language, not the browser's: the file's headers and statuses match the screen.
  const href = (format: 'csv' | 'xlsx') =>
    urlOf(reportEndpoints.exportTable, {
      params: { table },
      query: { format, programmeId: programmeId ?? undefined, lang: i18n.language === 'en' ? 'en' : 'it' },
    });
  return (
    <p className="small d-flex flex-wrap gap-3 align-items-center">
      <span>{t('reports.export')}:</span>
      <a href={href('csv')} download aria-label={t('reports.exportLabel', { table: title, format: 'CSV' })}>
        {t('reports.exportCsv')}
      </a>
      <a href={href('xlsx')} download aria-label={t('reports.exportLabel', { table: title, format: 'Excel' })}>
        {t('reports.exportXlsx')}
      </a>
    </p>
  );
}
