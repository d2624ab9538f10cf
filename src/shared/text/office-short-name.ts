/**
 * "Centro per l’impiego di Carpi" → "CPI di Carpi": how operators name an office on the phone
 * ("Il lavoratore è seguito dal CPI di Carpi"). One definition for the server's messages and the web.
 */
export function shortOfficeName(name: string): string {
  return name.replace(/^Centro per l[’']impiego\b/i, 'CPI');
}

/**
 * "Centro per l’impiego di Carpi" → "CPI Carpi": the office as a label where space is short (the
 * header's office picker, a field's value), not inside a sentence.
 */
export function officeTag(name: string): string {
  return name.replace(/^Centro per l[’']impiego di /i, 'CPI ');
}
