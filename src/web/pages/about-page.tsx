import { Badge, Card, CardBody, Col, Row } from 'design-react-kit';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { taxonomyEndpoints } from '../../shared/api/taxonomy.endpoints';
import { ApiError, call } from '../api/client';
import { PageTitle } from '../components/page-title';
import { sourceTextLanguage, type DataSource } from '../components/taxonomy-search';
import { formatDateTime } from '../i18n/i18n';
import { useSession } from '../session/session-context';

declare const __APP_VERSION__: string;

/** What is shown without signing in: the sources as published, without load status or counts. */
const STATIC_SOURCES = [
  { key: 'esco', url: 'https://esco.ec.europa.eu/' },
  { key: 'cp2011', url: 'https://www.istat.it/classificazione/classificazione-delle-professioni/' },
  { key: 'ateco', url: 'https://www.istat.it/classificazione/ateco/' },
  { key: 'education', url: 'https://www.istat.it/' },
  { key: 'comuni', url: 'https://github.com/openpolis/geojson-italy' },
  { key: 'ccnl', url: 'https://www.cnel.it/Archivio-Contratti' },
  { key: 'europass', url: 'https://europass.europa.eu/' },
] as const;

const STATUS_COLOURS: Record<DataSource['status'], string> = { loaded: 'success', loading: 'warning', missing: 'danger' };

const hostOf = (url: string) => {
  try {
    return new URL(url).host.replace(/^www\./, '');
  } catch {
    return url;
  }
};

function Facts({ rows }: { rows: Array<[string, ReactNode] | null> }) {
  return (
    <dl className="mb-0">
      {rows
        .filter((row): row is [string, ReactNode] => row !== null)
        .map(([term, description]) => (
          <div key={term} className="row">
            <dt className="col-12 col-sm-5 fw-semibold">{term}</dt>
            <dd className="col-12 col-sm-7 mb-2">{description}</dd>
          </div>
        ))}
    </dl>
  );
}

function SourceCard({ title, children }: { title: ReactNode; children: ReactNode }) {
  return (
    <Col lg={6} className="mb-3">
      <Card className="card-bg h-100">
        <CardBody>
          <h4 className="h6">{title}</h4>
          {children}
        </CardBody>
      </Card>
    </Col>
  );
}

/** The API's texts about a source, marked with their language for screen readers. */
const SourceText = ({ text }: { text: string }) => <span lang={sourceTextLanguage(text)}>{text}</span>;

function LiveSources({ sources }: { sources: DataSource[] }) {
  const { t, i18n } = useTranslation();
  const numbers = new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'it-IT');
  return (
    <Row>
      {sources.map((source) => (
        <SourceCard key={source.id} title={<SourceText text={source.name} />}>
          <Facts
            rows={[
              [t('aboutData.version'), source.version],
              [t('aboutData.licence'), <SourceText text={source.licence} />],
              source.attribution ? [t('aboutData.attribution'), <SourceText text={source.attribution} />] : null,
              [t('aboutData.rows'), numbers.format(source.rows)],
              [
                t('aboutData.status'),
                <Badge color={STATUS_COLOURS[source.status] ?? 'secondary'}>{t(`aboutData.statuses.${source.status}`)}</Badge>,
              ],
              source.loadedAt ? [t('aboutData.loadedAt'), formatDateTime(source.loadedAt)] : null,
              source.url ? [t('aboutData.link'), <a href={source.url}>{hostOf(source.url)}</a>] : null,
            ]}
          />
        </SourceCard>
      ))}
    </Row>
  );
}

function StaticSources() {
  const { t } = useTranslation();
  return (
    <Row>
      {STATIC_SOURCES.map(({ key, url }) => {
        const name = t(`aboutData.static.${key}.name`);
        return (
          <SourceCard key={key} title={name}>
            <Facts
              rows={[
                [t('aboutData.publisher'), t(`aboutData.static.${key}.publisher`)],
                [t('aboutData.version'), t(`aboutData.static.${key}.version`)],
                [t('aboutData.licence'), t(`aboutData.static.${key}.licence`)],
                [t('aboutData.link'), <a href={url}>{hostOf(url)}</a>],
              ]}
            />
          </SourceCard>
        );
      })}
    </Row>
  );
}

/** Live sources for a signed-in user; null while unknown or when the API refuses (signed out). */
function useSources() {
  const { session, loading } = useSession();
  const [sources, setSources] = useState<DataSource[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const signedIn = Boolean(session);
  useEffect(() => {
    if (loading || !signedIn) {
      setSources(null);
      return;
    }
    let live = true;
    call(taxonomyEndpoints.sources).then(
      (r) => live && setSources(r.items),
      (err: unknown) => {
        if (!live) return;
        setSources(null);
        // 401 only means "not signed in any more": the static list is the right answer then.
        if (err instanceof ApiError && err.status !== 401) setError(err);
      },
    );
    return () => {
      live = false;
    };
  }, [loading, signedIn]);
  return { sources, error, signedIn };
}

function DataSection() {
  const { t } = useTranslation();
  const { sources, error, signedIn } = useSources();
  const escoTranslation = t('aboutData.escoTranslation');
  return (
    <section aria-labelledby="about-data-title" className="mt-5">
      <h2 id="about-data-title" className="h3">
        {t('aboutData.title')}
      </h2>
      <p>{t('aboutData.intro')}</p>
      <h3 className="h5">{t('aboutData.attributions')}</h3>
      <ul>
        <li>
          <span lang="en">{t('aboutData.escoAttribution')}</span>
          {escoTranslation && (
            <>
              <br />
              <span className="text-secondary">{escoTranslation}</span>
            </>
          )}
        </li>
        <li>
          <span lang="it">{t('aboutData.istatCredit')}</span> — {t('aboutData.istatScope')}
        </li>
        <li>{t('aboutData.openpolisAttribution')}</li>
        <li>{t('aboutData.cnelAttribution')}</li>
        <li>{t('aboutData.europassAttribution')}</li>
      </ul>
      <h3 className="h5 mt-4">{t('aboutData.sources')}</h3>
      {error && (
        <p role="alert" className="text-danger">
          {t('aboutData.loadError', { detail: error.detail })}
        </p>
      )}
      {sources ? (
        <LiveSources sources={sources} />
      ) : (
        <>
          {!signedIn && <p>{t('aboutData.signInForCounts')}</p>}
          <StaticSources />
        </>
      )}
    </section>
  );
}

export function AboutPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle>{t('about.title')}</PageTitle>
      <p>{t('about.software')}</p>
      <p>{t('about.version', { version: __APP_VERSION__ })}</p>
      <p>{t('about.licence')}</p>
      <p>{t('about.design')}</p>
      <ul>
        <li>
          <a href="/api/docs">{t('app.apiDocs')}</a>
        </li>
        <li>
          <Link to="/dati-di-riferimento">{t('taxonomy.title')}</Link>: {t('aboutData.referenceLink')}
        </li>
      </ul>
      <DataSection />
    </>
  );
}
