/**
 * 200 type-ahead queries as operators of an Italian job centre type them: prefixes as the list
 * refreshes, whole words, Italian singulars against ISTAT's plural titles, English ESCO terms,
 * typos and codes. Used by bench/taxonomy-search.bench.ts.
 */
export type BenchKind = 'occupations' | 'skills' | 'sectors' | 'comuni' | 'education' | 'ccnl';

const list = (kind: BenchKind, lang: 'it' | 'en', text: string) =>
  text
    .split('|')
    .map((q) => q.trim())
    .filter(Boolean)
    .map((q) => ({ kind, lang, q }));

export const BENCH_QUERIES = [
  // 60 occupations
  ...list(
    'occupations',
    'it',
    'sa|sald|saldat|saldatore|saldatori|infermier|infermiere|cuoc|cuoco|camerier|cameriere|operai|operaio|elettricist|elettricista|' +
      'idraulic|muratore|autista|magazzin|magazziniere|contabil|impiegat|impiegato amministrativo|segretari|commess|addetto vendite|' +
      'pulizie|falegname|meccanic|tornitore|operatore cnc|programmatore|insegnant|badante|parrucchier|farmacist|ingegnere|architett|' +
      'fornaio|carpentier|mulettista|assemblatore|verniciatore|manutentore|pizzaiolo',
  ),
  ...list(
    'occupations',
    'en',
    'weld|welder|nurse|cook|waiter|electrician|plumber|driver|warehouse|accountant|softwre developer|software dev|teacher|carer|cleaner|',
  ),
  // 50 skills
  ...list(
    'skills',
    'en',
    'ma|manag|manage staff|communicat|teamwork|excel|microsoft office|java|python|weldng|forklift|customer service|problem solv|' +
      'project managment|accounting|negotiat|english|drive|safety|first aid|cook|clean|repair|maintain|install|operate machin|' +
      'quality control|inventory|budget|social media|marketing|photoshop|autocad|sql|cnc|lathe|soldering|welding techniques|' +
      'electrical wiring|plumbing|bookkeeping|payroll|recruit|train staff|supervis|lead a team|time managment|adaptab|creativ|critical thinking',
  ),
  // 25 sectors
  ...list(
    'sectors',
    'it',
    'commercio|commercio al dettaglio|ristorazion|costruzion|metallurg|fabbricazione|trasporto|agricoltur|alberghi|pulizia|' +
      '25.11|47.1|56.10|informatica|logistic|magazzinaggio|edilizia|tessile|',
  ),
  ...list('sectors', 'en', 'restaurant|construction|manufactur|transport|agricult|hotel|software'),
  // 30 comuni
  ...list(
    'comuni',
    'it',
    'mo|modna|modena|Sassuolo|carpi|bologna|bolgna|milano|mialno|roma|torino|napoli|citta|città|reggio|reggio emilia|castelfranco|' +
      'formigine|maranello|vignola|mirandola|finale emilia|pavullo|fiorano|castelnuovo|san|sant|bolzano|aosta|la spezia',
  ),
  // 20 education
  ...list(
    'education',
    'it',
    'diploma|laurea|licenza media|ragioner|perito|geometra|liceo|istituto profess|qualifica|eqf 4|eqf|dottorato|master|maturita|' +
      'tecnico|elettronica|informatica|ingegneria|economia|giurisprudenza',
  ),
  // 15 CCNL
  ...list(
    'ccnl',
    'it',
    'metalmeccanic|commercio|terziario|turismo|edilizia|edile|logistica|trasporto merci|pulizie|multiservizi|alimentari|chimic|tessile|sanita privata|C011',
  ),
];
