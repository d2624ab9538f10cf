import { Card, CardBody, Col, Row } from 'design-react-kit';
import { useEffect, useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { taxonomyEndpoints } from '../../shared/api/taxonomy.endpoints';
import { call } from '../api/client';
import { Autocomplete, ItemLabel } from '../components/autocomplete';
import { PageTitle } from '../components/page-title';
import { ProblemAlert } from '../components/problem-alert';
import {
  TAXONOMY_SEARCHES,
  alternativeLabel,
  formatKm,
  isComune,
  parseRadius,
  type ComuneItem,
  type NearbyComune,
  type TaxonomyItem,
  type TaxonomySearchKind,
} from '../components/taxonomy-search';

const DEFAULT_RADIUS_KM = 20;
/** Long lists (a 200 km radius holds hundreds of comuni) are cut here until asked for. */
const NEARBY_SHOWN = 50;

function ItemDetails({ item }: { item: TaxonomyItem | null }) {
  const { t, i18n } = useTranslation();
  if (!item) return <p className="text-secondary small mb-0">{t('taxonomy.details.none')}</p>;
  const alternative = alternativeLabel(item);
  const numbers = new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'it-IT', { maximumFractionDigits: 4 });
  const rows: Array<[string, ReactNode]> = [
    [t('taxonomy.details.label'), <ItemLabel item={item} />],
    [t('taxonomy.details.code'), <code>{item.code}</code>],
    [t('taxonomy.details.kind'), t(`taxonomy.kinds.${item.kind}`)],
  ];
  if (alternative) rows.push([t('taxonomy.details.matched'), <span lang={item.labelLanguage}>{alternative}</span>]);
  if (item.detail) rows.push([t('taxonomy.details.detail'), item.detail]);
  if (isComune(item)) {
    rows.push(
      [t('taxonomy.details.province'), item.province],
      [t('taxonomy.details.region'), item.region],
      [t('taxonomy.details.cadastralCode'), <code>{item.cadastralCode}</code>],
      [t('taxonomy.details.coordinates'), `${numbers.format(item.lat)}, ${numbers.format(item.lon)}`],
    );
  }
  return (
    <dl className="mb-0">
      {rows.map(([term, description]) => (
        <div key={term} className="row">
          <dt className="col-12 col-sm-4 fw-semibold">{term}</dt>
          <dd className="col-12 col-sm-8 mb-2">{description}</dd>
        </div>
      ))}
    </dl>
  );
}

function ClassificationLookup({ kind }: { kind: TaxonomySearchKind }) {
  const { t } = useTranslation();
  const [item, setItem] = useState<TaxonomyItem | null>(null);
  return (
    <Card className="card-bg h-100">
      <CardBody>
        <Autocomplete kind={kind} label={t(`taxonomy.fields.${kind}`)} help={t(`taxonomy.help.${kind}`)} value={item} onChange={setItem} />
        <ItemDetails item={item} />
      </CardBody>
    </Card>
  );
}

function useDistance(from: ComuneItem | null, to: ComuneItem | null) {
  const [state, setState] = useState<{ km: number | null; loading: boolean; error: unknown }>({ km: null, loading: false, error: null });
  useEffect(() => {
    if (!from || !to) {
      setState({ km: null, loading: false, error: null });
      return;
    }
    let live = true;
    setState({ km: null, loading: true, error: null });
    call(taxonomyEndpoints.distance, { query: { from: from.code, to: to.code } }).then(
      (r) => live && setState({ km: r.distanceKm, loading: false, error: null }),
      (error: unknown) => live && setState({ km: null, loading: false, error }),
    );
    return () => {
      live = false;
    };
  }, [from, to]);
  return state;
}

function useNearby(origin: ComuneItem | null, radiusKm: number | null) {
  const [state, setState] = useState<{ items: NearbyComune[] | null; loading: boolean; error: unknown }>({
    items: null,
    loading: false,
    error: null,
  });
  useEffect(() => {
    if (!origin || radiusKm === null) {
      setState({ items: null, loading: false, error: null });
      return;
    }
    let live = true;
    setState((s) => ({ ...s, loading: true, error: null }));
    // Waits for the operator to stop typing the radius before asking.
    const timer = setTimeout(() => {
      call(taxonomyEndpoints.nearby, { params: { istatCode: origin.code }, query: { radiusKm } }).then(
        (r) => live && setState({ items: [...r.items].sort((a, b) => a.distanceKm - b.distanceKm), loading: false, error: null }),
        (error: unknown) => live && setState({ items: null, loading: false, error }),
      );
    }, 300);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [origin, radiusKm]);
  return state;
}

function CommuteTool() {
  const { t, i18n } = useTranslation();
  const [from, setFrom] = useState<ComuneItem | null>(null);
  const [to, setTo] = useState<ComuneItem | null>(null);
  const [radiusText, setRadiusText] = useState(String(DEFAULT_RADIUS_KM));
  const [showAll, setShowAll] = useState(false);
  const radius = parseRadius(radiusText);
  const distance = useDistance(from, to);
  const nearby = useNearby(from, radius);
  const radiusId = useId();
  const km = (value: number) => formatKm(value, i18n.language);

  useEffect(() => setShowAll(false), [from, radius]);

  const nearbyItems = nearby.items?.filter((c) => c.code !== from?.code) ?? null;
  const shown = nearbyItems && !showAll ? nearbyItems.slice(0, NEARBY_SHOWN) : nearbyItems;

  return (
    <section aria-labelledby="commute-title" className="mt-5">
      <h2 id="commute-title" className="h4">
        {t('taxonomy.commute.title')}
      </h2>
      <p>{t('taxonomy.commute.intro')}</p>
      <Card className="card-bg">
        <CardBody>
          <Row>
            <Col md={6}>
              <Autocomplete<ComuneItem> kind="comuni" label={t('taxonomy.commute.from')} value={from} onChange={setFrom} />
            </Col>
            <Col md={6}>
              <Autocomplete<ComuneItem> kind="comuni" label={t('taxonomy.commute.to')} value={to} onChange={setTo} />
            </Col>
          </Row>
          <div role="status" data-testid="commute-distance">
            {distance.km !== null && from && to ? (
              <p className="mb-0 fw-semibold">{t('taxonomy.commute.distance', { from: from.label, to: to.label, km: km(distance.km) })}</p>
            ) : distance.loading ? (
              <p className="mb-0">{t('taxonomy.commute.calculating')}</p>
            ) : (
              <p className="mb-0 text-secondary">{t('taxonomy.commute.pickBoth')}</p>
            )}
          </div>
          <ProblemAlert error={distance.error} />

          <h3 className="h5 mt-4">{t('taxonomy.commute.nearbyTitle')}</h3>
          <Row>
            <Col xs={8} sm={5} lg={3} className="mb-3">
              <label htmlFor={radiusId} className="form-label-static">
                {t('taxonomy.commute.radius')}
              </label>
              <input
                id={radiusId}
                type="number"
                inputMode="numeric"
                min={1}
                max={200}
                step={1}
                className={`form-control ${radius === null ? 'is-invalid' : ''}`}
                value={radiusText}
                aria-invalid={radius === null || undefined}
                aria-describedby={`${radiusId}-help`}
                onChange={(event) => setRadiusText(event.target.value)}
              />
              <small id={`${radiusId}-help`} className={`form-text d-block ${radius === null ? 'text-danger' : ''}`}>
                {radius === null ? t('taxonomy.commute.radiusInvalid') : t('taxonomy.commute.radiusHelp')}
              </small>
            </Col>
          </Row>
          <ProblemAlert error={nearby.error} />
          <div role="status">
            {!from ? (
              <p className="text-secondary">{t('taxonomy.commute.pickOrigin')}</p>
            ) : nearby.loading && !nearbyItems ? (
              <p>{t('taxonomy.commute.loading')}</p>
            ) : nearbyItems && radius !== null ? (
              <p>
                {nearbyItems.length === 0
                  ? t('taxonomy.commute.nearbyNone', { radius, from: from.label })
                  : t('taxonomy.commute.nearbyCount', { count: nearbyItems.length, radius, from: from.label })}
              </p>
            ) : null}
          </div>
          {from && shown && shown.length > 0 && radius !== null && (
            <>
              <table className="table table-sm" aria-busy={nearby.loading || undefined}>
                <caption className="visually-hidden">{t('taxonomy.commute.nearbyCaption', { radius, from: from.label })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('taxonomy.commute.comune')}</th>
                    <th scope="col" className="text-nowrap">
                      {t('taxonomy.commute.province')}
                    </th>
                    <th scope="col" className="text-end">
                      {t('taxonomy.commute.distanceKm')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {shown.map((comune) => (
                    <tr key={comune.id}>
                      <th scope="row" className="fw-normal">
                        {comune.label}
                      </th>
                      <td>{comune.province}</td>
                      <td className="text-end">{km(comune.distanceKm)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {nearbyItems && nearbyItems.length > shown.length && (
                <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => setShowAll(true)}>
                  {t('taxonomy.commute.showAll', { count: nearbyItems.length })}
                </button>
              )}
            </>
          )}
        </CardBody>
      </Card>
    </section>
  );
}

/** Look-ups in the reference classifications and a commuting-distance check, for any signed-in operator. */
export function ReferenceDataPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle lead={t('taxonomy.lead')}>{t('taxonomy.title')}</PageTitle>
      <section aria-labelledby="classifications-title">
        <h2 id="classifications-title" className="h4">
          {t('taxonomy.classifications')}
        </h2>
        <Row>
          {TAXONOMY_SEARCHES.map((kind) => (
            <Col key={kind} md={6} className="mb-4">
              <ClassificationLookup kind={kind} />
            </Col>
          ))}
        </Row>
      </section>
      <CommuteTool />
    </>
  );
}
