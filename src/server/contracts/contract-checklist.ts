import { applicableIncentives, type HireFacts } from './hiring-incentives.js';

/**
 * The steps the operator walks with the worker while a contract is being defined, as data. A
 * step about leaving the crisis company, the CIGS or the TFR says what to check and with whom
 * (the patronato, INPS, the employer's payroll consultant): the rules differ by case and the
 * operator is not the one who settles them.
 */

type Text = { it: string; en: string };

export type ChecklistSection = 'documents' | 'leaving' | 'incentive' | 'income';

export interface ChecklistItem {
  code: string;
  section: ChecklistSection;
  label: Text;
  help: Text;
  sourceUrl?: string;
}

export interface ChecklistFacts {
  /** The worker is not an EU citizen: the permesso di soggiorno is one of the documents. */
  nonEuCitizen?: boolean;
  /** The hire, for the incentive step (absent: the step asks to check the incentives). */
  hire?: HireFacts;
}

const ITEMS: ReadonlyArray<ChecklistItem & { when?: (f: ChecklistFacts) => boolean }> = [
  {
    code: 'DOC_IDENTITY',
    section: 'documents',
    label: { it: 'Documento d’identità valido', en: 'A valid identity document' },
    help: {
      it: 'Carta d’identità, passaporto o patente, non scaduto: l’azienda ne tiene copia per l’assunzione.',
      en: 'Identity card, passport or driving licence, not expired: the employer keeps a copy for the hire.',
    },
  },
  {
    code: 'DOC_CODICE_FISCALE',
    section: 'documents',
    label: { it: 'Codice fiscale', en: 'Codice fiscale (tax code)' },
    help: {
      it: 'La tessera sanitaria o il certificato dell’Agenzia delle Entrate: serve per la comunicazione di assunzione e la busta paga.',
      en: 'The health card or the Agenzia delle Entrate certificate: needed for the hiring notice and the payslip.',
    },
  },
  {
    code: 'DOC_PERMESSO_SOGGIORNO',
    section: 'documents',
    label: { it: 'Permesso di soggiorno che consente il lavoro', en: 'A residence permit that allows work' },
    help: {
      it: 'Controllare la scadenza e che il tipo di permesso consenta il lavoro subordinato; se è in rinnovo, la ricevuta della domanda.',
      en: 'Check the expiry and that the kind of permit allows employment; if it is being renewed, the receipt of the application.',
    },
    when: (f) => f.nonEuCitizen !== false,
  },
  {
    code: 'DOC_TITLES',
    section: 'documents',
    label: { it: 'Titoli di studio, patenti e attestati richiesti', en: 'Qualifications, licences and certificates required' },
    help: {
      it: 'Quelli che l’offerta chiede (diploma, patente C con CQC, attestato di saldatura, formazione sulla sicurezza): originali o copie conformi.',
      en: 'Those the vacancy asks for (diploma, C licence with CQC, welding certificate, safety training): originals or certified copies.',
    },
  },
  {
    code: 'LEAVE_HOW',
    section: 'leaving',
    label: {
      it: 'Come si chiude il rapporto con l’azienda in crisi: dimissioni o risoluzione consensuale',
      en: 'How the employment with the crisis company ends: resignation or agreed termination',
    },
    help: {
      it: 'Il lavoratore in CIGS è ancora dipendente dell’azienda in crisi. Verificare con il patronato o il sindacato quale forma usare e cosa prevede l’accordo sindacale della crisi (incentivi all’esodo, accordo di ricollocazione); le dimissioni si presentano con la procedura telematica del Ministero del lavoro.',
      en: 'A worker on CIGS is still employed by the crisis company. Check with the patronato or the union which form to use and what the crisis agreement provides (leaving incentives, relocation agreement); a resignation is filed through the Ministry of Labour’s online procedure.',
    },
  },
  {
    code: 'LEAVE_CIGS',
    section: 'leaving',
    label: { it: 'La CIGS si interrompe con l’assunzione', en: 'The CIGS stops with the hire' },
    help: {
      it: 'Dal giorno dell’assunzione il lavoratore non riceve più la CIGS per le ore lavorate. Verificare con l’INPS o il patronato cosa succede in caso di contratto a termine o part time e se la comunicazione all’INPS spetta al lavoratore.',
      en: 'From the day of the hire the worker no longer receives CIGS for the hours worked. Check with INPS or the patronato what happens with a fixed-term or part-time contract and whether the worker must notify INPS.',
    },
  },
  {
    code: 'LEAVE_TFR',
    section: 'leaving',
    label: { it: 'Il TFR maturato presso l’azienda in crisi', en: 'The severance pay (TFR) accrued with the crisis company' },
    help: {
      it: 'Verificare con il patronato o il sindacato come e quando sarà pagato il TFR (dall’azienda, dalla procedura concorsuale o dal Fondo di garanzia dell’INPS) e se il lavoratore lo ha destinato a un fondo pensione.',
      en: 'Check with the patronato or the union how and when the TFR will be paid (by the company, by the insolvency procedure or by INPS’s Guarantee Fund) and whether the worker assigned it to a pension fund.',
    },
  },
  {
    code: 'INCENTIVE_EMPLOYER',
    section: 'incentive',
    label: { it: 'L’incentivo che l’azienda può chiedere', en: 'The incentive the employer can claim' },
    help: {
      it: 'Dire all’azienda quale incentivo all’assunzione può chiedere all’INPS e a quali condizioni; la domanda la fa l’azienda o il suo consulente del lavoro.',
      en: 'Tell the employer which hiring incentive it can claim from INPS and on which conditions; the employer or its payroll consultant applies.',
    },
    sourceUrl: 'https://www.normattiva.it/uri-res/N2Ls?urn:nir:stato:decreto.legislativo:2015-09-14;148~art24bis',
  },
  {
    code: 'INCOME_COMPARE',
    section: 'income',
    label: {
      it: 'Confrontare lo stipendio netto offerto con la CIGS di oggi',
      en: 'Compare the net pay offered with today’s CIGS',
    },
    help: {
      it: 'Con il lavoratore, mettere accanto l’importo netto mensile della CIGS e il netto stimato dell’offerta (lordo, ore, tredicesima e quattordicesima del CCNL): l’azienda o il suo consulente possono dare una stima del netto.',
      en: 'With the worker, set the monthly net CIGS beside the estimated net of the offer (gross, hours, the CCNL’s extra monthly payments): the employer or its payroll consultant can estimate the net.',
    },
  },
  {
    code: 'INCOME_MINIMUM',
    section: 'income',
    label: { it: 'La retribuzione offerta rispetta il minimo del CCNL', en: 'The pay offered meets the CCNL minimum' },
    help: {
      it: 'Il controllo di Ricolloca confronta il lordo offerto con il minimo del livello, in proporzione alle ore: sotto il minimo è un avviso da chiarire con l’azienda.',
      en: 'Ricolloca’s check compares the gross offered with the level’s minimum, in proportion to the hours: below the minimum is a warning to clear with the employer.',
    },
  },
];

export interface ContractChecklist {
  items: ChecklistItem[];
  /** The incentives of the hire, when its facts were given. */
  incentives: ReturnType<typeof applicableIncentives> | null;
}

/** The checklist of a contract being defined: the items that concern this worker, and the hire's incentives. */
export function contractChecklist(facts: ChecklistFacts = {}): ContractChecklist {
  return {
    items: ITEMS.filter((i) => !i.when || i.when(facts)).map(({ when: _when, ...item }) => item),
    incentives: facts.hire ? applicableIncentives(facts.hire) : null,
  };
}
