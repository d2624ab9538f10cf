/**
 * Every source of reference data the product ships, with the licence it comes under and the
 * attribution that licence asks for. The "Informazioni sui dati" page shows this list; the
 * provenance of each file is in data/reference/PROVENANCE.md.
 */
export interface SourceInfo {
  id: string;
  name: string;
  /** The version shipped; the sources endpoint reports the version loaded when it differs. */
  version: string;
  licence: string;
  attribution: string;
  url?: string;
}

const ISTAT_LICENCE = 'Creative Commons Attribuzione (CC BY)';
const ISTAT_ATTRIBUTION = 'Fonte: ISTAT – Istituto nazionale di statistica.';
// The lists are codes and names (ISO 3166, ISO 639, the EQF levels) taken from the Europass XML
// schemas, which the Cedefop repository publishes under AGPL-3.0.
const EUROPASS_LICENCE = 'Elenchi di codici degli schemi Europass v3 (repository Cedefop pubblicato sotto AGPL-3.0)';
const EUROPASS_ATTRIBUTION = 'Elenchi di codici: Europass (Cedefop, Commissione europea).';

export const SOURCES: readonly SourceInfo[] = [
  {
    id: 'esco',
    name: 'ESCO – European Skills, Competences, Qualifications and Occupations',
    version: 'v1.1.1',
    licence:
      'Decisione della Commissione 2011/833/UE sul riutilizzo dei documenti della Commissione (riuso libero con citazione della fonte)',
    attribution: 'This service uses the ESCO classification of the European Commission.',
    url: 'https://esco.ec.europa.eu',
  },
  {
    id: 'istat-cp2011',
    name: 'ISTAT – Classificazione delle professioni CP2011',
    version: '2011',
    licence: ISTAT_LICENCE,
    attribution: ISTAT_ATTRIBUTION,
    url: 'https://www.istat.it',
  },
  {
    id: 'istat-ateco-2025',
    name: 'ISTAT – Classificazione delle attività economiche ATECO 2025',
    version: '2025',
    licence: ISTAT_LICENCE,
    attribution: ISTAT_ATTRIBUTION,
    url: 'https://www.istat.it',
  },
  {
    id: 'istat-ateco-2007',
    name: 'ISTAT – Classificazione delle attività economiche ATECO 2007 (aggiornamento 2022)',
    version: '2007 (agg. 2022)',
    licence: ISTAT_LICENCE,
    attribution: ISTAT_ATTRIBUTION,
    url: 'https://www.istat.it',
  },
  {
    id: 'istat-titoli-studio',
    name: 'ISTAT – Classificazione dei titoli di studio italiani',
    version: '2003',
    licence: ISTAT_LICENCE,
    attribution: ISTAT_ATTRIBUTION,
    url: 'https://www.istat.it',
  },
  {
    id: 'openpolis-comuni',
    name: 'Comuni italiani con centroidi (Openpolis, su dati ISTAT)',
    version: '2023',
    licence: 'Creative Commons Attribuzione 4.0 (CC BY 4.0)',
    attribution: 'Confini e centroidi dei comuni: Openpolis / ISTAT.',
    url: 'https://www.openpolis.it',
  },
  {
    id: 'cnel-ccnl',
    name: 'CNEL – Archivio nazionale dei contratti collettivi di lavoro',
    version: '2024-09-06',
    licence: 'Atti pubblici del CNEL (l. 936/1986, art. 17); l’elenco compilato non dichiara una licenza',
    attribution: 'Fonte: CNEL, Archivio nazionale dei contratti e degli accordi collettivi di lavoro.',
    url: 'https://www.cnel.it',
  },
  {
    id: 'europass-eqf',
    name: 'Europass – Livelli del Quadro europeo delle qualifiche (EQF)',
    version: 'V1.0',
    licence: EUROPASS_LICENCE,
    attribution: EUROPASS_ATTRIBUTION,
    url: 'https://europass.europa.eu',
  },
  {
    id: 'europass-countries',
    name: 'Europass – Paesi',
    version: 'V1.7.0',
    licence: EUROPASS_LICENCE,
    attribution: EUROPASS_ATTRIBUTION,
    url: 'https://europass.europa.eu',
  },
  {
    id: 'europass-nationalities',
    name: 'Europass – Cittadinanze',
    version: 'V1.7.0',
    licence: EUROPASS_LICENCE,
    attribution: EUROPASS_ATTRIBUTION,
    url: 'https://europass.europa.eu',
  },
  {
    id: 'europass-languages',
    name: 'Europass – Lingue',
    version: 'V1.10.0',
    licence: EUROPASS_LICENCE,
    attribution: EUROPASS_ATTRIBUTION,
    url: 'https://europass.europa.eu',
  },
];
