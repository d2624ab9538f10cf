/**
 * Euros as an operator types them ("1.650,50", "1650,5", "1650.5", "1.650 €") → cents; undefined
 * when empty; NaN when not a number, so the server says why beside the field.
 */
export function euroCents(text: string): number | undefined {
  const t = text.trim().replace(/\s|€/g, '');
  if (!t) return undefined;
  const normalised = t.includes(',') ? t.replace(/\./g, '').replace(',', '.') : t;
  return Math.round(Number(normalised) * 100);
}
