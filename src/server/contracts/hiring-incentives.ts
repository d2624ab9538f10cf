/**
 * Hiring incentives as data, each with the rule it comes from. Only rules whose text was checked
 * are here (December 2026); each cites its act, article and comma with a link to Normattiva.
 * `applicableIncentives(facts)` says which apply to a hire, which do not and why, and which cannot
 * be decided from the facts known (a fact missing, or a case the text does not settle): those go to
 * the employer's consultant or INPS, never to a guess.
 */

export type HireContractType = 'permanent' | 'fixed_term' | 'apprenticeship' | 'agency';

/** What is known of a hire. A fact left out is unknown, not false. */
export interface HireFacts {
  contractType: HireContractType;
  /** The hiring employer is a private employer (the incentives below are for private employers). */
  privateEmployer?: boolean;
  /**
   * The worker holds an assegno di ricollocazione at the hire: a CIGS worker who asked for it under
   * an accordo di ricollocazione (D.Lgs. 148/2015 art. 24-bis).
   */
  holdsAssegnoDiRicollocazione?: boolean;
  /** The hiring employer's ownership is substantially the same as that of the employer the worker leaves. */
  ownershipCoincidesWithCurrentEmployer?: boolean;
  /** The worker is on the further CIGS for occupational transition (D.Lgs. 148/2015 art. 22-ter). */
  cigsTransizioneOccupazionale?: boolean;
}

type Text = { it: string; en: string };
type FactName = keyof HireFacts;

/** One condition of a rule: the fact must take one of `accepted`; values in `unsettled` are cases the text does not settle. */
export interface IncentiveCondition {
  fact: FactName;
  accepted: ReadonlyArray<string | boolean>;
  unsettled?: ReadonlyArray<string | boolean>;
  label: Text;
}

export interface IncentiveRule {
  code: string;
  name: Text;
  source: { act: string; article: string; comma: string; url: string };
  conditions: IncentiveCondition[];
  /** What the employer gets; `monthsByContract` the longest duration per contract type. */
  benefit: Text & { monthsByContract: Partial<Record<HireContractType, number>>; annualCeilingEuro?: number };
  /** Something to check before counting on it (the rule's own limits in time, an authorisation). */
  caveat?: Text;
}

export const HIRING_INCENTIVES: readonly IncentiveRule[] = [
  {
    code: 'ADR_CIGS_24BIS',
    name: {
      it: 'Esonero contributivo per l’assunzione di chi ha l’assegno di ricollocazione (accordo di ricollocazione)',
      en: 'Contribution relief for hiring a holder of the assegno di ricollocazione (relocation agreement)',
    },
    source: {
      act: 'D.Lgs. 14 settembre 2015, n. 148',
      article: '24-bis',
      comma: '6',
      url: 'https://www.normattiva.it/uri-res/N2Ls?urn:nir:stato:decreto.legislativo:2015-09-14;148~art24bis',
    },
    conditions: [
      {
        fact: 'holdsAssegnoDiRicollocazione',
        accepted: [true],
        label: {
          it: 'il lavoratore è assunto nel periodo in cui ha l’assegno di ricollocazione, chiesto con l’accordo di ricollocazione',
          en: 'the worker is hired while holding the assegno di ricollocazione, asked for under the relocation agreement',
        },
      },
      {
        fact: 'contractType',
        accepted: ['permanent', 'fixed_term'],
        // Somministrazione is named by INPS's instructions; apprenticeship is not settled by the text read.
        unsettled: ['agency', 'apprenticeship'],
        label: { it: 'contratto a tempo indeterminato o determinato', en: 'a permanent or fixed-term contract' },
      },
      {
        fact: 'ownershipCoincidesWithCurrentEmployer',
        accepted: [false],
        label: {
          it: 'l’azienda che assume non ha assetti proprietari sostanzialmente coincidenti con quelli del datore di lavoro attuale',
          en: 'the hiring company’s ownership is not substantially the same as the current employer’s',
        },
      },
      {
        fact: 'privateEmployer',
        accepted: [true],
        label: { it: 'il datore di lavoro che assume è privato', en: 'the hiring employer is a private employer' },
      },
    ],
    benefit: {
      it: 'Esonero del 50% dei contributi previdenziali a carico del datore di lavoro (esclusi premi e contributi INAIL), fino a 4.030 euro l’anno: 18 mesi per un tempo indeterminato, 12 mesi per un tempo determinato, più 6 mesi se è trasformato in tempo indeterminato.',
      en: '50% relief from the employer’s social-security contributions (INAIL premiums excluded), up to €4,030 a year: 18 months for a permanent hire, 12 months for a fixed-term one, 6 more months if it becomes permanent.',
      monthsByContract: { permanent: 18, fixed_term: 12 },
      annualCeilingEuro: 4030,
    },
  },
  {
    code: 'CIGS_TRANSIZIONE_L234_2021',
    name: {
      it: 'Contributo per l’assunzione a tempo indeterminato di lavoratori in CIGS per transizione occupazionale',
      en: 'Contribution for the permanent hire of workers on CIGS for occupational transition',
    },
    source: {
      act: 'L. 30 dicembre 2021, n. 234',
      article: '1',
      comma: '243',
      url: 'https://www.normattiva.it/uri-res/N2Ls?urn:nir:stato:legge:2021-12-30;234~art1-com243',
    },
    conditions: [
      {
        fact: 'cigsTransizioneOccupazionale',
        accepted: [true],
        label: {
          it: 'il lavoratore è nella CIGS per transizione occupazionale (art. 22-ter D.Lgs. 148/2015)',
          en: 'the worker is on the CIGS for occupational transition (art. 22-ter D.Lgs. 148/2015)',
        },
      },
      {
        fact: 'contractType',
        accepted: ['permanent'],
        label: { it: 'contratto a tempo indeterminato', en: 'a permanent contract' },
      },
      {
        fact: 'privateEmployer',
        accepted: [true],
        label: { it: 'il datore di lavoro che assume è privato', en: 'the hiring employer is a private employer' },
      },
    ],
    benefit: {
      it: 'Per ogni mese di retribuzione, un contributo pari al 50% della CIGS che il lavoratore avrebbe ancora ricevuto, per al massimo 12 mesi, usato per ridurre i contributi INPS.',
      en: 'For each month of pay, a contribution of 50% of the CIGS the worker would still have received, for at most 12 months, set against the INPS contributions.',
      monthsByContract: { permanent: 12 },
    },
    caveat: {
      it: 'La Commissione europea lo ha autorizzato per le assunzioni fino al 30 giugno 2022: verificare con l’INPS se è ancora disponibile.',
      en: 'The European Commission authorised it for hires up to 30 June 2022: check with INPS whether it is still available.',
    },
  },
];

export interface IncentiveOutcome {
  code: string;
  name: Text;
  source: IncentiveRule['source'];
  benefit: Text;
  /** The longest duration for this contract type, when the rule gives one. */
  months: number | null;
  annualCeilingEuro: number | null;
  /** The reason in words: the conditions met, or those not met, or the facts to find out. */
  reasons: Text[];
  caveat: Text | null;
}

export interface IncentiveAnswer {
  applicable: IncentiveOutcome[];
  notApplicable: IncentiveOutcome[];
  /** A fact is unknown or the text does not settle the case: to check before counting on it. */
  toCheck: IncentiveOutcome[];
}

const NOT = { it: 'non risulta che ', en: 'it is not the case that ' };
const UNKNOWN = { it: 'da verificare: ', en: 'to check: ' };

/** Which incentives apply to a hire, which do not and why, and which need a fact found out first. */
export function applicableIncentives(facts: HireFacts, rules: readonly IncentiveRule[] = HIRING_INCENTIVES): IncentiveAnswer {
  const answer: IncentiveAnswer = { applicable: [], notApplicable: [], toCheck: [] };
  for (const rule of rules) {
    const met: Text[] = [];
    const failed: Text[] = [];
    const open: Text[] = [];
    for (const c of rule.conditions) {
      const value = facts[c.fact];
      if (value === undefined || c.unsettled?.includes(value)) open.push({ it: UNKNOWN.it + c.label.it, en: UNKNOWN.en + c.label.en });
      else if (c.accepted.includes(value)) met.push(c.label);
      else failed.push({ it: NOT.it + c.label.it, en: NOT.en + c.label.en });
    }
    const outcome: IncentiveOutcome = {
      code: rule.code,
      name: rule.name,
      source: rule.source,
      benefit: { it: rule.benefit.it, en: rule.benefit.en },
      months: rule.benefit.monthsByContract[facts.contractType] ?? null,
      annualCeilingEuro: rule.benefit.annualCeilingEuro ?? null,
      reasons: failed.length > 0 ? failed : open.length > 0 ? open : met,
      caveat: rule.caveat ?? null,
    };
    if (failed.length > 0) answer.notApplicable.push(outcome);
    else if (open.length > 0 || rule.caveat) answer.toCheck.push(outcome);
    else answer.applicable.push(outcome);
  }
  return answer;
}
