/**
 * "Centro per l’impiego di Carpi" → "CPI di Carpi": how operators name an office on the phone
 * ("Il lavoratore è seguito dal CPI di Carpi"). One definition for the server's messages and the web.
 */
export function shortOfficeName(name: string): string {
  return name.replace(/^Centro per l[’']impiego\b/i, 'CPI');
}
