import { insertDemoCcnlMinimums, type MinimumValues } from '../contracts/index.js';

/**
 * Minimum pay tables for the CCNL and levels the demo's vacancies use (demo-vacancies.ts), so an
 * offer's check has something to compare with. The figures are plausible, not the agreements'
 * real tables: every row says so in its source note.
 */
const NOTE = 'Valori dimostrativi: non verificati sulle tabelle retributive del CCNL';

const TABLES: Array<[ccnlCode: string, levels: Array<[level: string, euro: number]>]> = [
  // Metalmeccanici industria (C011).
  [
    'C011',
    [
      ['C3', 1890],
      ['C2', 2010],
      ['C1', 2090],
      ['B3', 2250],
    ],
  ],
  // Chimici farmaceutici (B011).
  [
    'B011',
    [
      ['F', 1750],
      ['E', 1880],
      ['D', 2050],
    ],
  ],
  // Industria alimentare (E012).
  [
    'E012',
    [
      ['5', 1860],
      ['4', 1960],
      ['3', 2100],
    ],
  ],
  // Logistica, trasporto merci e spedizioni (I14B).
  [
    'I14B',
    [
      ['5', 1830],
      ['4', 1950],
      ['3S', 2040],
    ],
  ],
  // Ceramica (B122).
  [
    'B122',
    [
      ['C', 1800],
      ['B', 1920],
      ['B1', 2000],
    ],
  ],
  // Terziario, distribuzione e servizi (H011).
  [
    'H011',
    [
      ['5', 1760],
      ['4', 1900],
    ],
  ],
];

export const DEMO_CCNL_MINIMUMS: MinimumValues[] = TABLES.flatMap(([ccnlCode, levels]) =>
  levels.map(([level, euro]) => ({
    ccnlCode,
    level,
    monthlyCents: euro * 100,
    weeklyHours: 40,
    validFrom: '2024-06-01',
    validTo: null,
    sourceNote: NOTE,
  })),
);

export function seedDemoCcnlMinimums(
  trx: Parameters<typeof insertDemoCcnlMinimums>[0],
  deps: { networkId: string; adminId: string | null; now: Date },
) {
  return insertDemoCcnlMinimums(trx, deps.networkId, DEMO_CCNL_MINIMUMS, deps.adminId, deps.now);
}
