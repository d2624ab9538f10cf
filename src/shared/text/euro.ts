/**
 * Euro cents as the reader's language writes an amount: 202700 → «2.027,00 €» in Italian and
 * «€2,027.00» in English. One definition for the server's messages and the web. Grouping is always
 * on: Italian CLDR data leaves four-digit amounts ungrouped («2027,00 €»), while pay tables,
 * contracts and the CCNL write «2.027,00 €». The space before the sign is a no-break space, so the
 * sign never wraps onto a line of its own.
 */
export function formatEuroCents(cents: number, language: string): string {
  return new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'it-IT', { style: 'currency', currency: 'EUR', useGrouping: 'always' }).format(
    cents / 100,
  );
}
