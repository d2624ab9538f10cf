import { describe, expect, it } from 'vitest';
import { contractChecklist } from './contract-checklist.js';
import { applicableIncentives, HIRING_INCENTIVES } from './hiring-incentives.js';
import { checkOfferPay, levelKey, proratedMinimumCents, type MinimumPay } from './pay-check.js';

const commercio: MinimumPay = {
  id: '00000000-0000-4000-8000-000000000001',
  ccnlCode: 'H011',
  level: '4',
  monthlyCents: 180_000,
  weeklyHours: 40,
  validFrom: '2024-06-01',
  validTo: null,
  sourceNote: 'prova',
};

describe('the offer’s pay against the CCNL minimum', () => {
  it('pro-rates the minimum to part-time hours: 1.800,00 € for 40 h is 1.080,00 € for 24 h, and 1.200,00 € is not below', () => {
    const check = checkOfferPay(commercio, { weeklyHours: 24, offeredMonthlyCents: 120_000 });
    expect(check).toMatchObject({ known: true, proratedMinimumCents: 108_000, belowMinimum: false, shortfallCents: 0 });
  });

  it('warns when the offer is below, with the shortfall', () => {
    const check = checkOfferPay(commercio, { weeklyHours: 40, offeredMonthlyCents: 165_000 });
    expect(check).toMatchObject({ belowMinimum: true, shortfallCents: 15_000, proratedMinimumCents: 180_000 });
  });

  it('an offer exactly at the minimum is not below', () => {
    expect(checkOfferPay(commercio, { weeklyHours: 20, offeredMonthlyCents: 90_000 }).belowMinimum).toBe(false);
  });

  it('rounds to the cent on half hours (logistics at 39 h, an offer of 21,5 h)', () => {
    // 1.950,00 € × 21,5 / 39 = 1.075,00 €
    expect(proratedMinimumCents({ monthlyCents: 195_000, weeklyHours: 39 }, 21.5)).toBe(107_500);
    // 1.833,33 € × 30 / 40 = 1.374,9975 € → 1.375,00 €
    expect(proratedMinimumCents({ monthlyCents: 183_333, weeklyHours: 40 }, 30)).toBe(137_500);
  });

  it('compares hours above the full time with the full-time minimum, and says so', () => {
    const check = checkOfferPay(commercio, { weeklyHours: 44, offeredMonthlyCents: 185_000 });
    expect(check).toMatchObject({ proratedMinimumCents: 180_000, belowMinimum: false, hoursAboveFullTime: true });
  });

  it('says nothing is known when no table is in force', () => {
    expect(checkOfferPay(null, { weeklyHours: 40, offeredMonthlyCents: 1 })).toMatchObject({ known: false, belowMinimum: null });
  });

  it('treats two spellings of a level as one', () => {
    expect(levelKey(' 3°  Livello ')).toBe(levelKey('3° livello'));
    expect(levelKey('C2')).toBe(levelKey('c2'));
    expect(levelKey('3S')).not.toBe(levelKey('3'));
  });
});

describe('hiring incentives', () => {
  const adr = (facts: Parameters<typeof applicableIncentives>[0]) => {
    const answer = applicableIncentives(facts);
    const find = (list: typeof answer.applicable) => list.find((o) => o.code === 'ADR_CIGS_24BIS');
    return { applies: find(answer.applicable), not: find(answer.notApplicable), check: find(answer.toCheck) };
  };
  const known = { privateEmployer: true, holdsAssegnoDiRicollocazione: true, ownershipCoincidesWithCurrentEmployer: false };

  it('every rule cites its act, article and comma with a Normattiva link', () => {
    for (const rule of HIRING_INCENTIVES) {
      expect(rule.source.comma, rule.code).toMatch(/^\d+/);
      expect(rule.source.url, rule.code).toMatch(/^https:\/\/www\.normattiva\.it\/uri-res\/N2Ls\?urn:nir:stato:/);
      expect(rule.name.it && rule.name.en, rule.code).toBeTruthy();
    }
  });

  it('gives a permanent hire of a holder of the assegno di ricollocazione 18 months of 50 % relief, up to 4.030 € a year', () => {
    const { applies } = adr({ contractType: 'permanent', ...known });
    expect(applies).toMatchObject({ months: 18, annualCeilingEuro: 4030, source: { article: '24-bis', comma: '6' } });
    expect(applies!.benefit.it).toContain('50%');
    expect(applies!.reasons.map((r) => r.it)).toContain('contratto a tempo indeterminato o determinato');
  });

  it('gives a fixed-term hire 12 months', () => {
    expect(adr({ contractType: 'fixed_term', ...known }).applies?.months).toBe(12);
  });

  it('does not apply to a worker without the assegno, and says why', () => {
    const { not } = adr({ contractType: 'permanent', ...known, holdsAssegnoDiRicollocazione: false });
    expect(not!.reasons.map((r) => r.it)).toEqual([
      'non risulta che il lavoratore è assunto nel periodo in cui ha l’assegno di ricollocazione, chiesto con l’accordo di ricollocazione',
    ]);
  });

  it('does not apply when the hiring company has the same owners as the crisis company', () => {
    expect(adr({ contractType: 'permanent', ...known, ownershipCoincidesWithCurrentEmployer: true }).not).toBeDefined();
  });

  it('leaves to check what the facts do not settle: an unknown owner, an apprenticeship', () => {
    const unknownOwner = adr({ contractType: 'permanent', privateEmployer: true, holdsAssegnoDiRicollocazione: true });
    expect(unknownOwner.check!.reasons[0]!.it).toMatch(/^da verificare: l’azienda che assume non ha assetti proprietari/);
    expect(adr({ contractType: 'apprenticeship', ...known }).check).toBeDefined();
  });

  it('never counts the 2022 transition contribution as applying: its authorisation is to be checked with INPS', () => {
    const answer = applicableIncentives({ contractType: 'permanent', privateEmployer: true, cigsTransizioneOccupazionale: true });
    expect(answer.applicable.map((o) => o.code)).not.toContain('CIGS_TRANSIZIONE_L234_2021');
    expect(answer.toCheck.find((o) => o.code === 'CIGS_TRANSIZIONE_L234_2021')?.caveat?.it).toContain('30 giugno 2022');
    const fixed = applicableIncentives({ contractType: 'fixed_term', privateEmployer: true, cigsTransizioneOccupazionale: true });
    expect(fixed.notApplicable.map((o) => o.code)).toContain('CIGS_TRANSIZIONE_L234_2021');
  });
});

describe('the contract checklist', () => {
  it('walks documents, leaving the crisis company, the incentive and the income, in Italian and English', () => {
    const { items } = contractChecklist();
    expect(new Set(items.map((i) => i.section))).toEqual(new Set(['documents', 'leaving', 'incentive', 'income']));
    expect(items.map((i) => i.code)).toEqual(
      expect.arrayContaining(['DOC_IDENTITY', 'DOC_CODICE_FISCALE', 'LEAVE_CIGS', 'LEAVE_TFR', 'INCOME_COMPARE']),
    );
    for (const item of items) {
      expect(item.label.it && item.label.en && item.help.it && item.help.en, item.code).toBeTruthy();
      expect(new Set(items.map((i) => i.code)).size).toBe(items.length);
    }
    // The TFR and the way out are to be checked with the patronato, not settled by the operator.
    expect(items.find((i) => i.code === 'LEAVE_TFR')!.help.it).toContain('patronato');
  });

  it('asks for the permesso di soggiorno unless the worker is known to be an EU citizen', () => {
    expect(contractChecklist().items.some((i) => i.code === 'DOC_PERMESSO_SOGGIORNO')).toBe(true);
    expect(contractChecklist({ nonEuCitizen: false }).items.some((i) => i.code === 'DOC_PERMESSO_SOGGIORNO')).toBe(false);
  });

  it('carries the hire’s incentives when the hire is described', () => {
    const list = contractChecklist({
      hire: {
        contractType: 'permanent',
        privateEmployer: true,
        holdsAssegnoDiRicollocazione: true,
        ownershipCoincidesWithCurrentEmployer: false,
      },
    });
    expect(list.incentives!.applicable.map((o) => o.code)).toEqual(['ADR_CIGS_24BIS']);
    expect(contractChecklist().incentives).toBeNull();
  });
});
