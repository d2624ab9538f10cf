import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { DomainError } from '../../http/problem.js';
import { convertCv, detectFormat } from './convert-cv.js';
import { MAX_CV_BYTES } from './cv-import.errors.js';

async function failure(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('the import was expected to fail');
}

const body = `
  <LearnerInfo>
    <Identification><PersonName><FirstName>Francesca</FirstName><Surname>Russo</Surname></PersonName></Identification>
    <WorkExperienceList>
      <WorkExperience>
        <Period><From year="2010" month="--05"/><To year="2023" month="--11"/></Period>
        <Position><Label>Addetta al confezionamento &amp; spedizioni</Label></Position>
        <Activities>Confezionamento di dispositivi medici in camera bianca (ISO 7)</Activities>
        <Employer><Name>Biomedica Mirandola S.p.A.</Name></Employer>
      </WorkExperience>
    </WorkExperienceList>
  </LearnerInfo>`;
const europass = (prologue: string, inner = body) =>
  Buffer.from(
    `<?xml version="1.0" encoding="UTF-8"?>\n${prologue}<SkillsPassport xmlns="http://europass.cedefop.europa.eu/Europass" locale="it">${inner}\n</SkillsPassport>\n`,
  );

describe('XML that tries to reach outside the file is refused (XXE)', () => {
  it('an external entity naming a local file', async () => {
    const xml = europass('<!DOCTYPE SkillsPassport [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n', body.replace('Russo', '&xxe;'));
    const error = await failure(convertCv(xml));
    expect(error.code).toBe('CV_XML_ENTITY_REFUSED');
    expect(error.status).toBe(422);
    expect(error.text.it).toContain('per sicurezza non viene letto');
  });

  it('a parameter entity fetching a remote DTD', async () => {
    const xml = europass('<!DOCTYPE SkillsPassport [\n  <!ENTITY % remote SYSTEM "http://127.0.0.1:9/evil.dtd">\n  %remote;\n]>\n');
    expect((await failure(convertCv(xml))).code).toBe('CV_XML_ENTITY_REFUSED');
  });

  it('billion laughs: nested internal entities', async () => {
    const levels = [
      '<!ENTITY lol "lol">',
      ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`),
    ];
    const xml = europass(`<!DOCTYPE SkillsPassport [\n${levels.join('\n')}\n]>\n`, body.replace('Russo', '&lol9;'));
    const started = performance.now();
    expect((await failure(convertCv(xml))).code).toBe('CV_XML_ENTITY_REFUSED');
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('an external DTD with no entity is read without ever being fetched', async () => {
    let requests = 0;
    const server = createServer((_req, res) => {
      requests++;
      res.end('<!ENTITY name "Hacker">');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const port = (server.address() as AddressInfo).port;
      const draft = await convertCv(europass(`<!DOCTYPE SkillsPassport SYSTEM "http://127.0.0.1:${port}/europass.dtd">\n`));
      expect(draft.identity).toMatchObject({ firstName: 'Francesca', lastName: 'Russo' });
      expect(draft.profile.work[0]).toMatchObject({
        employer: 'Biomedica Mirandola S.p.A.',
        jobTitle: 'Addetta al confezionamento & spedizioni',
      });
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(requests).toBe(0);
    } finally {
      server.close();
    }
  });
});

describe('broken and hostile XML', () => {
  it('a truncated file names the line where it stops', async () => {
    const whole = europass('').toString();
    const cut = whole.slice(0, whole.indexOf('</WorkExperience>'));
    const error = await failure(convertCv(Buffer.from(cut)));
    expect(error.code).toBe('CV_XML_TRUNCATED');
    expect(error.text.it).toBe(
      `Il file XML del CV è incompleto: si interrompe alla riga ${cut.trimEnd().split('\n').length} con elementi non chiusi. Salvare di nuovo il CV o chiedere il file intero.`,
    );
  });

  it('a file cut in the middle of a tag is truncated too', async () => {
    const whole = europass('').toString();
    const error = await failure(convertCv(Buffer.from(whole.slice(0, whole.indexOf('<Employer>') + 5))));
    expect(error.code).toBe('CV_XML_TRUNCATED');
  });

  it('a corrupt file names its line', async () => {
    const broken = europass('').toString().replace('</Position>', '</Posizione>');
    const error = await failure(convertCv(Buffer.from(broken)));
    expect(error.code).toBe('CV_XML_MALFORMED');
    const line = broken.split('\n').findIndex((l) => l.includes('</Posizione>')) + 1;
    expect(error.text.it).toBe(`Il file XML del CV è danneggiato alla riga ${line}: un elemento è aperto o chiuso in modo errato.`);
  });

  it('an XML that is not a CV', async () => {
    const invoice =
      '<?xml version="1.0"?>\n<p:FatturaElettronica xmlns:p="http://ivaservizi.agenziaentrate.gov.it/docs/xsd/fatture/v1.2" versione="FPR12"><FatturaElettronicaHeader/></p:FatturaElettronica>';
    const error = await failure(convertCv(Buffer.from(invoice)));
    expect(error.code).toBe('CV_XML_NOT_EUROPASS');
    expect(error.text.it).toContain('<FatturaElettronica>');
  });

  it('nesting deeper than any CV is refused before it can exhaust the stack', async () => {
    const deep = `<SkillsPassport>${'<a>'.repeat(100_000)}${'</a>'.repeat(100_000)}</SkillsPassport>`;
    expect((await failure(convertCv(Buffer.from(deep)))).code).toBe('CV_XML_TOO_DEEP');
  });

  it('a UTF-8 file with bytes that are not UTF-8 is said to be mis-encoded', async () => {
    const bytes = Buffer.concat([europass('').subarray(0, 200), Buffer.from([0xe8, 0x20]), europass('').subarray(200)]);
    const error = await failure(convertCv(bytes));
    expect(error.code).toBe('CV_XML_MALFORMED');
    expect(error.text.it).toContain('la codifica dei caratteri non è UTF-8');
  });
});

describe('the format is told by the content, and the size is capped', () => {
  it('detects PDF, XML (with BOM or UTF-16), JSON, Word files', () => {
    expect(detectFormat(Buffer.from('%PDF-1.7\n'))).toBe('pdf');
    expect(detectFormat(Buffer.from('\uFEFF<?xml version="1.0"?><SkillsPassport/>'))).toBe('xml');
    expect(detectFormat(Buffer.from('<SkillsPassport/>', 'utf16le'))).toBe('xml');
    expect(detectFormat(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<a/>', 'utf16le')]))).toBe('xml');
    expect(detectFormat(Buffer.from('  \n{"basics":{}}'))).toBe('json');
    expect(detectFormat(Buffer.from('PK\x03\x04rest-of-a-docx', 'latin1'))).toBe('office');
    expect(detectFormat(Buffer.from('Curriculum vitae di Mario Rossi'))).toBe('unknown');
  });

  it('a UTF-16 Europass file is read', async () => {
    const text = europass('').toString().replace('encoding="UTF-8"', 'encoding="UTF-16"');
    const draft = await convertCv(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    expect(draft.identity.lastName).toBe('Russo');
  });

  it('a Word file is refused with what to do instead', async () => {
    const error = await failure(convertCv(Buffer.from('PK\x03\x04word/document.xml', 'latin1')));
    expect(error.code).toBe('CV_FORMAT_UNSUPPORTED');
    expect(error.text.it).toContain('salvare il CV dall’editor Europass');
  });

  it('more than 20 MB is 413, an empty file 400, plain text 415', async () => {
    const big = await failure(convertCv(new Uint8Array(MAX_CV_BYTES + 1)));
    expect([big.code, big.status]).toEqual(['CV_TOO_LARGE', 413]);
    expect(big.text.it).toBe('Il file del CV supera la dimensione massima consentita (20 MB).');
    expect((await failure(convertCv(new Uint8Array(0)))).status).toBe(400);
    expect((await failure(convertCv(Buffer.from('Curriculum vitae di Mario Rossi')))).code).toBe('CV_FORMAT_UNKNOWN');
  });
});
