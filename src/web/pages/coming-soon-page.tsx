import { Callout, CalloutText, CalloutTitle } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../components/page-title';

/** The areas of the product still to come: named in the navigation, described honestly here. */
export function ComingSoonPage({ area }: { area: string }) {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle>{t(`nav.${area}`)}</PageTitle>
      <Callout color="note">
        <CalloutTitle>{t(`nav.${area}`)}</CalloutTitle>
        <CalloutText>{t(`areas.${area}`)}</CalloutText>
        <CalloutText>{t('comingSoon.text')}</CalloutText>
      </Callout>
    </>
  );
}
