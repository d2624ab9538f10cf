import { parseCsv } from '../import/csv-file.js';
import { taxonomyErrors } from '../taxonomy.errors.js';
import { tidy, type ReferenceConcept, type ReferenceSet } from './reference-set.js';

/** Comuni with their centroids, CCNL from the CNEL archive, and the Europass code lists. */

const get = (files: Map<string, Buffer>, name: string) => files.get(name)!;

const COMUNI_FILE = 'comuni/comuni_centroidi_openpolis_2023.csv';

export const comuniSet: ReferenceSet = {
  source: 'openpolis-comuni',
  version: '2023',
  files: [COMUNI_FILE],
  searchGroup: 'comune',
  codeSearchable: true,
  async read(files) {
    const records = await parseCsv(COMUNI_FILE, get(files, COMUNI_FILE), {
      columns: [
        'istat_code',
        'name',
        'catasto_code',
        'prov_istat_code',
        'prov_sigla',
        'prov_name',
        'reg_istat_code',
        'reg_name',
        'lat',
        'lon',
      ],
    });
    return records.map(({ values: v, line }): ReferenceConcept => {
      const lat = Number(v.lat);
      const lon = Number(v.lon);
      // Italy lies between 35° and 48° N, 6° and 19° E: anything else is a broken row.
      if (!(lat > 35 && lat < 48 && lon > 6 && lon < 19))
        throw taxonomyErrors.badValue(COMUNI_FILE, line, `centroid ${v.lat},${v.lon} is outside Italy`);
      // The list marks a code it lacks "N.d." (Misiliscemi, a comune since 2021): kept empty, never guessed.
      const cadastralCode = v.catasto_code === 'N.d.' ? '' : v.catasto_code;
      if (!/^\d{6}$/.test(v.istat_code) || (cadastralCode && !/^[A-M]\d{3}$/.test(cadastralCode))) {
        throw taxonomyErrors.badValue(COMUNI_FILE, line, `codes ${v.istat_code}/${v.catasto_code} are malformed`);
      }
      const name = tidy(v.name);
      const labels: ReferenceConcept['labels'] = [{ lang: 'it', type: 'preferred', label: name }];
      // Bilingual comuni (Bolzano/Bozen, Aosta Valley) are searched by either name alone too.
      if (name.includes('/')) {
        for (const part of name.split('/').map(tidy).filter(Boolean)) labels.push({ lang: 'it', type: 'alternative', label: part });
      }
      return {
        kind: 'comune',
        code: v.istat_code,
        parentCode: v.prov_istat_code,
        attributes: { province: v.prov_sigla, cadastralCode },
        labels,
        comune: {
          istatCode: v.istat_code,
          name,
          cadastralCode,
          provinceCode: v.prov_istat_code,
          province: v.prov_sigla,
          provinceName: tidy(v.prov_name),
          regionCode: v.reg_istat_code,
          region: tidy(v.reg_name),
          lat,
          lon,
        },
      };
    });
  },
};

const CCNL_FILE = 'cnel/ccnl_cnel_2024-09-06.csv';

/** National collective agreements filed with CNEL: the CNEL code (C011 = metalmeccanici industria) and title. */
export const ccnlSet: ReferenceSet = {
  source: 'cnel-ccnl',
  version: '2024-09-06',
  files: [CCNL_FILE],
  searchGroup: 'ccnl',
  codeSearchable: true,
  async read(files) {
    const records = await parseCsv(CCNL_FILE, get(files, CCNL_FILE), { columns: ['code', 'title', 'sector', 'public_sector', 'expires'] });
    return records.map(({ values: v, line }): ReferenceConcept => {
      if (!/^[A-Z0-9]{4}$/.test(v.code)) throw taxonomyErrors.badValue(CCNL_FILE, line, `"${v.code}" is not a CNEL code`);
      return {
        kind: 'ccnl',
        code: v.code,
        attributes: { sector: tidy(v.sector), publicSector: v.public_sector, expires: v.expires },
        labels: [{ lang: 'it', type: 'preferred', label: tidy(v.title) }],
      };
    });
  },
};

/** A Europass code list: code, Italian label, English label. */
function europassList(kind: 'country' | 'nationality' | 'language', file: string, version: string): ReferenceSet {
  return {
    source: `europass-${kind === 'country' ? 'countries' : kind === 'nationality' ? 'nationalities' : 'languages'}`,
    version,
    files: [file],
    searchGroup: kind,
    codeSearchable: true,
    async read(files) {
      const records = await parseCsv(file, get(files, file), { columns: ['code', 'label_it', 'label_en'] });
      return records.map(({ values: v, line }): ReferenceConcept => {
        // ISO 3166 / 639 codes; sign languages carry a suffix ("bos-sgn").
        if (!/^[A-Za-z]{2,3}(-sgn)?$/.test(v.code)) throw taxonomyErrors.badValue(file, line, `"${v.code}" is not an ISO code`);
        const labels: ReferenceConcept['labels'] = [];
        if (v.label_it.trim()) labels.push({ lang: 'it', type: 'preferred', label: tidy(v.label_it) });
        if (v.label_en.trim()) labels.push({ lang: 'en', type: 'preferred', label: tidy(v.label_en) });
        return { kind, code: v.code, labels };
      });
    },
  };
}

export const countriesSet = europassList('country', 'europass/countries_it_en.csv', 'V1.7.0');
export const nationalitiesSet = europassList('nationality', 'europass/nationalities_it_en.csv', 'V1.7.0');
export const languagesSet = europassList('language', 'europass/languages_it_en.csv', 'V1.10.0');

const EQF_FILE = 'europass/eqf_levels_en.csv';

/**
 * The eight EQF levels (Council Recommendation 2017/C 189/03). The Europass list gives only the
 * English descriptors: they become the description, and the labels are the level names.
 */
export const eqfSet: ReferenceSet = {
  source: 'europass-eqf',
  version: 'V1.0',
  files: [EQF_FILE],
  searchGroup: 'education',
  codeSearchable: false,
  async read(files) {
    const records = await parseCsv(EQF_FILE, get(files, EQF_FILE), { columns: ['code', 'label_it', 'label_en'] });
    return records.map(({ values: v, line }): ReferenceConcept => {
      if (!/^[1-8]$/.test(v.code)) throw taxonomyErrors.badValue(EQF_FILE, line, `"${v.code}" is not an EQF level`);
      return {
        kind: 'eqf',
        code: v.code,
        attributes: { level: v.code },
        labels: [
          { lang: 'it', type: 'preferred', label: v.label_it.trim() || `Livello EQF ${v.code}` },
          { lang: 'en', type: 'preferred', label: `EQF level ${v.code}` },
          { lang: 'it', type: 'alternative', label: `EQF ${v.code}` },
        ],
        descriptions: v.label_en.trim() ? [{ lang: 'en', text: v.label_en.trim() }] : [],
      };
    });
  },
};
