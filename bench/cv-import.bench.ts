// Europass XML import of a 3-page CV (issue 11 target: ≤ 200 ms). The CV is a Europass 3.4 file
// as the editor saves it for a worker with a long career: 14 jobs with several lines of
// activities each, 4 titles of study, 4 languages, the five free-text skill sections and a few
// achievements (about 3 A4 pages printed, 25 KB of XML). Prints p50/p95/max in milliseconds of:
//   baseline   the bare fast-xml-parser parse of the same text (no checks, no mapping);
//   xml        convertCv on the XML bytes: encoding, DOCTYPE check, validation with line
//              numbers, parse with the depth cap, mapping and the profile schema's checks;
//   pdf+xml    convertCv on a PDF that carries the same XML as an embedded file.
// Run: node --import tsx bench/cv-import.bench.ts   (RUNS=… to change the 200 runs)
import { XMLParser } from 'fast-xml-parser';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { convertCv } from '../src/server/cv/index.js';

const RUNS = Number(process.env.RUNS ?? 200);

const employers = [
  ['Ceramiche Fiorano Nuova S.p.A.', 'Fiorano Modenese', 'Operaio addetto alla linea di smaltatura'],
  ['Maglificio Carpigiano S.r.l.', 'Carpi', 'Tessitore su telai a pinza'],
  ['Biomedica Mirandola S.p.A.', 'Mirandola', 'Addetto al confezionamento in camera bianca'],
  ['Salumificio Castelnovese S.r.l.', 'Castelnuovo Rangone', 'Addetto alla stagionatura'],
  ['Officine Meccaniche Spilamberto S.p.A.', 'Spilamberto', 'Tornitore CNC'],
  ['Logistica Emiliana S.r.l.', 'Campogalliano', 'Magazziniere carrellista'],
  ['Ceramica Sassolese S.p.A.', 'Sassuolo', 'Addetto alla scelta'],
];
const activities = [
  'Conduzione e attrezzaggio della linea',
  'Controllo qualità visivo e dimensionale secondo il piano di controllo',
  'Manutenzione ordinaria delle macchine e pulizia della postazione',
  'Compilazione dei fogli di produzione e segnalazione delle non conformità',
  'Affiancamento e formazione dei nuovi assunti sul turno',
  'Gestione dei cambi formato con il capoturno',
];
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const html = (lines: string[]) => esc(`<ul>${lines.map((l) => `<li>${l}</li>`).join('')}</ul>`);

const jobs = Array.from({ length: 14 }, (_, i) => {
  const [name, city, position] = employers[i % employers.length]!;
  const from = 2024 - (i + 1) * 2;
  return `<WorkExperience>
  <Period><From year="${from}" month="--0${(i % 9) + 1}"/>${i === 0 ? '<Current>true</Current>' : `<To year="${from + 2}" month="--0${(i % 9) + 1}"/>`}</Period>
  <Position><Label>${esc(position!)}</Label></Position>
  <Activities>${html(activities.map((a) => `${a} (${name}, reparto ${i + 1})`))}</Activities>
  <Employer><Name>${esc(name!)}</Name><ContactInfo><Address><Contact><Municipality>${city}</Municipality><Country><Code>IT</Code><Label>Italia</Label></Country></Contact></Address></ContactInfo><Sector><Code>C</Code><Label>Attività manifatturiere</Label></Sector></Employer>
</WorkExperience>`;
}).join('\n');
const schools = Array.from(
  { length: 4 },
  (
    _,
    i,
  ) => `<Education><Period><From year="${1980 + i * 3}"/><To year="${1983 + i * 3}"/></Period><Title>Corso di qualifica n. ${i + 1}: tecniche di produzione ceramica</Title>
  <Activities>${html(['Chimica dei materiali', 'Disegno tecnico', 'Sicurezza sul lavoro (D.Lgs. 81/2008)'])}</Activities>
  <Organisation><Name>Istituto Professionale "Alessandro Volta"</Name><ContactInfo><Address><Contact><Municipality>Sassuolo</Municipality><Country><Code>IT</Code></Country></Contact></Address></ContactInfo></Organisation>
  <Level><Code>${3 + (i % 2)}</Code><Label>EQF ${3 + (i % 2)}</Label></Level></Education>`,
).join('\n');
const languages = ['en', 'fr', 'de', 'es']
  .map(
    (code) =>
      `<ForeignLanguage><Description><Code>${code}</Code></Description><ProficiencyLevel><Listening>B1</Listening><Reading>B2</Reading><SpokenInteraction>A2</SpokenInteraction><SpokenProduction>A2</SpokenProduction><Writing>A2</Writing></ProficiencyLevel></ForeignLanguage>`,
  )
  .join('');
const skillText = (topic: string) =>
  html(Array.from({ length: 6 }, (_, i) => `${topic} ${i + 1}: esperienza maturata in reparto su più turni`));

const xml = `<?xml version="1.0" encoding="UTF-8"?>
<SkillsPassport xmlns="http://europass.cedefop.europa.eu/Europass" locale="it">
<DocumentInfo><DocumentType>ECV</DocumentType><XSDVersion>V3.4</XSDVersion><Generator>EWA</Generator></DocumentInfo>
<LearnerInfo>
<Identification><PersonName><FirstName>Giuseppe</FirstName><Surname>Barbieri</Surname></PersonName>
<ContactInfo><Address><Contact><AddressLine>Via Radici in Piano 218</AddressLine><PostalCode>41049</PostalCode><Municipality>Sassuolo</Municipality><Country><Code>IT</Code></Country></Contact></Address>
<Email><Contact>giuseppe.barbieri72@libero.it</Contact></Email><TelephoneList><Telephone><Contact>+39 347 2210983</Contact></Telephone></TelephoneList></ContactInfo>
<Demographics><Birthdate year="1972" month="--11" day="---08"/></Demographics></Identification>
<Headline><Type><Code>job_applied_for</Code></Type><Description><Label>Operaio specializzato</Label></Description></Headline>
<WorkExperienceList>${jobs}</WorkExperienceList>
<EducationList>${schools}</EducationList>
<Skills><Linguistic><MotherTongueList><MotherTongue><Description><Code>it</Code></Description></MotherTongue></MotherTongueList><ForeignLanguageList>${languages}</ForeignLanguageList></Linguistic>
<Communication><Description>${skillText('Lavoro di squadra')}</Description></Communication>
<Organisational><Description>${skillText('Coordinamento')}</Description></Organisational>
<JobRelated><Description>${skillText('Regolazione macchine')}</Description></JobRelated>
<Computer><Description>${skillText('Uso del gestionale')}</Description></Computer>
<Driving><Description><Licence>B</Licence><Licence>C</Licence></Description></Driving>
<Other><Description>${skillText('Volontariato')}</Description></Other></Skills>
<AchievementList><Achievement><Title><Code>courses</Code><Label>Corsi</Label></Title><Description>${html(['Carrellista (2004)', 'Primo soccorso (2019)', 'Antincendio rischio medio (2021)'])}</Description></Achievement></AchievementList>
</LearnerInfo>
</SkillsPassport>`;
const bytes = Buffer.from(xml);

const pdf = await PDFDocument.create();
const font = await pdf.embedFont(StandardFonts.Helvetica);
for (let p = 0; p < 3; p++)
  pdf.addPage([595, 842]).drawText(`Curriculum vitae - Giuseppe Barbieri - pagina ${p + 1}`, { x: 50, y: 780, size: 14, font });
await pdf.attach(bytes, 'attachment.xml', { mimeType: 'application/xml' });
const pdfBytes = await pdf.save();

const bare = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', removeNSPrefix: true, parseTagValue: false });

async function measure(label: string, run: () => unknown | Promise<unknown>): Promise<void> {
  for (let i = 0; i < 20; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(2);
  console.log(
    `${label.padEnd(10)} p50 ${at(0.5).padStart(7)} ms   p95 ${at(0.95).padStart(7)} ms   max ${times.at(-1)!.toFixed(2).padStart(7)} ms`,
  );
}

const draft = await convertCv(bytes);
console.log(
  `CV: ${(bytes.length / 1024).toFixed(0)} KB of XML (PDF ${(pdfBytes.length / 1024).toFixed(0)} KB), ${draft.profile.work.length} jobs, ${draft.profile.education.length} titles, ${draft.profile.languages.length} languages, ${draft.skillPhrases.length} skill phrases; ${RUNS} runs each`,
);
await measure('baseline', () => bare.parse(xml));
await measure('xml', () => convertCv(bytes));
await measure('pdf+xml', () => convertCv(pdfBytes));
console.log('target: xml p95 ≤ 200 ms');
