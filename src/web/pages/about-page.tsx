import { useTranslation } from 'react-i18next';
import { PageTitle } from '../components/page-title';

declare const __APP_VERSION__: string;

export function AboutPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle>{t('about.title')}</PageTitle>
      <p>{t('about.software')}</p>
      <p>{t('about.version', { version: __APP_VERSION__ })}</p>
      <p>{t('about.licence')}</p>
      <p>{t('about.design')}</p>
      <p>
        <a href="/api/docs">{t('app.apiDocs')}</a>
      </p>
    </>
  );
}
