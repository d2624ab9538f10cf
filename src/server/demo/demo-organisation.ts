import type { OpeningHoursSlot } from '../db/schema.js';
import { DEMO_ACCOUNTS } from '../../shared/schemas/auth.schema.js';

// Synthetic demo data: the network of job centres of the Province of Modena. Office names and
// towns are real; street addresses, phone numbers and e-mails are illustrative.
const weekdayMornings = (opens: string, closes: string): OpeningHoursSlot[] => [1, 2, 3, 4, 5].map((day) => ({ day, opens, closes }));
const withAfternoons = (slots: OpeningHoursSlot[], days: number[]): OpeningHoursSlot[] =>
  [...slots, ...days.map((day) => ({ day, opens: '14:30', closes: '16:30' }))].sort(
    (a, b) => a.day - b.day || a.opens.localeCompare(b.opens),
  );

export const DEMO_NETWORK = { code: 'MO', name: 'Provincia di Modena' };

export const DEMO_OFFICES = [
  {
    code: 'CPI-MO',
    name: 'Centro per l’impiego di Modena',
    address: 'Via delle Costellazioni 180',
    postalCode: '41126',
    comune: 'Modena',
    phone: '+39 059 000 1000',
    email: 'cpi.modena@ricolloca.example',
    openingHours: withAfternoons(weekdayMornings('08:30', '12:30'), [2, 4]),
  },
  {
    code: 'CPI-CA',
    name: 'Centro per l’impiego di Carpi',
    address: 'Via Nuova Ponente 20',
    postalCode: '41012',
    comune: 'Carpi',
    phone: '+39 059 000 2000',
    email: 'cpi.carpi@ricolloca.example',
    openingHours: withAfternoons(weekdayMornings('08:30', '12:30'), [2]),
  },
  {
    code: 'CPI-MI',
    name: 'Centro per l’impiego di Mirandola',
    address: 'Via Roma 12',
    postalCode: '41037',
    comune: 'Mirandola',
    phone: '+39 0535 000 300',
    email: 'cpi.mirandola@ricolloca.example',
    openingHours: withAfternoons(weekdayMornings('08:30', '12:30'), [4]),
  },
  {
    code: 'CPI-SA',
    name: 'Centro per l’impiego di Sassuolo',
    address: 'Via Mazzini 30',
    postalCode: '41049',
    comune: 'Sassuolo',
    phone: '+39 0536 000 400',
    email: 'cpi.sassuolo@ricolloca.example',
    openingHours: withAfternoons(weekdayMornings('08:30', '12:30'), [2, 4]),
  },
  {
    code: 'CPI-VI',
    name: 'Centro per l’impiego di Vignola',
    address: 'Via Libertà 5',
    postalCode: '41058',
    comune: 'Vignola',
    phone: '+39 059 000 5000',
    email: 'cpi.vignola@ricolloca.example',
    openingHours: weekdayMornings('08:30', '12:30'),
  },
  {
    code: 'CPI-PA',
    name: 'Centro per l’impiego di Pavullo nel Frignano',
    address: 'Via Giardini 14',
    postalCode: '41026',
    comune: 'Pavullo nel Frignano',
    phone: '+39 0536 000 600',
    email: 'cpi.pavullo@ricolloca.example',
    openingHours: weekdayMornings('08:30', '12:30').filter((s) => s.day !== 3),
  },
  {
    code: 'CPI-CF',
    name: 'Centro per l’impiego di Castelfranco Emilia',
    address: 'Via Circondaria Sud 8',
    postalCode: '41013',
    comune: 'Castelfranco Emilia',
    phone: '+39 059 000 7000',
    email: 'cpi.castelfranco@ricolloca.example',
    openingHours: withAfternoons(weekdayMornings('08:30', '12:30'), [4]),
  },
];

/** Defined once in auth, which refuses it as anybody's new password. */
export { DEMO_PASSWORD } from '../auth/index.js';

type DemoRole = 'admin' | 'coordinator' | 'consultant' | 'frontoffice' | 'matcher';

/** The demo's e-mail of a role: the list the sign-in page shows in demo mode is the one list. */
const demoEmail = (role: DemoRole): string => DEMO_ACCOUNTS.find((a) => a.role === role)!.email;

/** Demo staff: one account per role, so every screen can be tried as the person who uses it. */
export const DEMO_STAFF: Array<{ email: string; fullName: string; roles: Array<{ office: string; role: DemoRole }> }> = [
  {
    email: demoEmail('admin'),
    fullName: 'Giulia Ferrari',
    roles: DEMO_OFFICES.map((o) => ({ office: o.code, role: 'admin' as const })),
  },
  {
    email: demoEmail('coordinator'),
    fullName: 'Marco Bellini',
    roles: [
      { office: 'CPI-MO', role: 'coordinator' },
      { office: 'CPI-CA', role: 'coordinator' },
    ],
  },
  {
    email: demoEmail('consultant'),
    fullName: 'Elena Rinaldi',
    roles: [
      { office: 'CPI-MO', role: 'consultant' },
      { office: 'CPI-SA', role: 'consultant' },
    ],
  },
  {
    email: demoEmail('frontoffice'),
    fullName: 'Luca Galli',
    roles: [{ office: 'CPI-MO', role: 'frontoffice' }],
  },
  {
    email: demoEmail('matcher'),
    fullName: 'Sara Colombo',
    roles: DEMO_OFFICES.map((o) => ({ office: o.code, role: 'matcher' as const })),
  },
];

/**
 * The other consultants of the seven offices, whose agendas fill the demo's calendars. They have
 * no password (password_hash null): nobody can sign in as them, and they are not in the list the
 * sign-in page shows; the demo is tried as Elena Rinaldi, the consultant with the published password.
 */
export const DEMO_CONSULTANTS: Array<{ email: string; fullName: string; offices: string[] }> = [
  { email: 'p.marchesi@ricolloca.example', fullName: 'Paolo Marchesi', offices: ['CPI-MO'] },
  { email: 'c.esposito@ricolloca.example', fullName: 'Chiara Esposito', offices: ['CPI-MO', 'CPI-CA'] },
  { email: 'f.dangelo@ricolloca.example', fullName: "Francesca D'Angelo", offices: ['CPI-CA'] },
  { email: 'n.ricci@ricolloca.example', fullName: 'Nicolò Ricci', offices: ['CPI-CA'] },
  { email: 'd.pellegrino@ricolloca.example', fullName: 'Davide Pellegrino', offices: ['CPI-MI'] },
  { email: 'l.marino@ricolloca.example', fullName: 'Laura Marino', offices: ['CPI-MI'] },
  { email: 'm.greco@ricolloca.example', fullName: 'Matteo Greco', offices: ['CPI-SA'] },
  { email: 's.deluca@ricolloca.example', fullName: 'Silvia De Luca', offices: ['CPI-VI'] },
  { email: 'a.santoro@ricolloca.example', fullName: 'Andrea Santoro', offices: ['CPI-VI', 'CPI-PA'] },
  { email: 'r.conti@ricolloca.example', fullName: 'Roberta Conti', offices: ['CPI-PA'] },
  { email: 'v.russo@ricolloca.example', fullName: 'Valentina Russo', offices: ['CPI-CF'] },
  { email: 'g.caruso@ricolloca.example', fullName: 'Giorgio Caruso', offices: ['CPI-CF', 'CPI-MO'] },
];
