import { z } from 'zod';
import { isoDateTime } from './common.schema.js';

/** Reference data: classifications searched by type-ahead, distances between comuni, data sources. */

export const TAXONOMY_KINDS = [
  'esco_occupation',
  'cp2011',
  'isco_group',
  'esco_skill',
  'ateco2025',
  'ateco2007',
  'comune',
  'education',
  'eqf',
  'ccnl',
] as const;
export const taxonomyKindSchema = z.enum(TAXONOMY_KINDS).meta({ id: 'TaxonomyKind' });
export type TaxonomyKind = z.infer<typeof taxonomyKindSchema>;

export const labelLanguageSchema = z.enum(['it', 'en']);

export const taxonomyItemSchema = z
  .object({
    /** Stable across imports: the ESCO URI for ESCO concepts, otherwise "<kind>:<code>". */
    id: z.string(),
    kind: taxonomyKindSchema,
    /** The code in its own classification: ISCO 7212, CP2011 6.2.1.2.0, ATECO 25.11.00, ISTAT 036023 … */
    code: z.string(),
    /** The preferred label in the language asked for, or in English when that language has none. */
    label: z.string(),
    labelLanguage: labelLanguageSchema,
    /** True when Italian was asked for but only an English label exists. */
    fallback: z.boolean(),
    /** The label the query matched: the preferred label, an alternative label or the code. */
    matchedLabel: z.string(),
    match: z.enum(['exact', 'prefix', 'fuzzy']),
    /** A short qualifier for the list: "ISCO 7212", the province "MO", the ATECO level, the skill type. */
    detail: z.string().nullable(),
  })
  .meta({ id: 'TaxonomyItem' });
export type TaxonomyItem = z.infer<typeof taxonomyItemSchema>;

export const taxonomyListSchema = z.object({ items: z.array(taxonomyItemSchema) }).meta({ id: 'TaxonomyList' });
export type TaxonomyList = z.infer<typeof taxonomyListSchema>;

export const comuneItemSchema = taxonomyItemSchema
  .extend({
    kind: z.literal('comune'),
    /** Province abbreviation ("sigla"), e.g. MO. */
    province: z.string(),
    region: z.string(),
    /** Centroid of the municipal boundary, WGS84. */
    lat: z.number(),
    lon: z.number(),
    /** Codice catastale (Belfiore), as in the codice fiscale. */
    cadastralCode: z.string(),
  })
  .meta({ id: 'ComuneItem' });
export type ComuneItem = z.infer<typeof comuneItemSchema>;

export const comuneListSchema = z.object({ items: z.array(comuneItemSchema) }).meta({ id: 'ComuneList' });

export const taxonomySearchQuerySchema = z.strictObject({
  q: z.string().trim().min(2).max(100),
  limit: z.coerce.number().int().min(1).max(50).default(10),
  lang: labelLanguageSchema.default('it'),
});
export type TaxonomySearchQuery = z.infer<typeof taxonomySearchQuerySchema>;

const istatCode = z.string().regex(/^\d{6}$/, 'codice ISTAT del comune: sei cifre');

export const comuneParamsSchema = z.strictObject({ istatCode });

export const nearbyQuerySchema = z.strictObject({
  radiusKm: z.coerce.number().min(1).max(200),
  limit: z.coerce.number().int().min(1).max(2000).default(500),
});

export const nearbyComuniSchema = z
  .object({
    origin: comuneItemSchema,
    items: z.array(comuneItemSchema.extend({ distanceKm: z.number() })),
  })
  .meta({ id: 'NearbyComuni' });
export type NearbyComuni = z.infer<typeof nearbyComuniSchema>;

export const distanceQuerySchema = z.strictObject({ from: istatCode, to: istatCode });

export const comuneDistanceSchema = z
  .object({
    from: comuneItemSchema,
    to: comuneItemSchema,
    /** Great-circle distance between the two centroids, km, one decimal. */
    distanceKm: z.number(),
  })
  .meta({ id: 'ComuneDistance' });
export type ComuneDistance = z.infer<typeof comuneDistanceSchema>;

export const dataSourceSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    version: z.string(),
    licence: z.string(),
    /** The sentence the licence asks every user of the data to show. */
    attribution: z.string(),
    url: z.string().optional(),
    rows: z.number().int(),
    status: z.enum(['loaded', 'loading', 'missing']),
    loadedAt: isoDateTime.optional(),
    /** Languages whose labels are loaded, for sources that carry several. */
    languages: z.array(z.string()).optional(),
  })
  .meta({ id: 'DataSource' });
export type DataSource = z.infer<typeof dataSourceSchema>;

export const dataSourceListSchema = z.object({ items: z.array(dataSourceSchema) }).meta({ id: 'DataSourceList' });
