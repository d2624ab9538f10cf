import { useId } from 'react';
import { useTranslation } from 'react-i18next';

export interface BarDatum {
  label: string;
  value: number;
}

const ROW = 46;
const BAR = 18;
/** Share of the width bars may use: the rest keeps room for the value printed after the bar. */
const SPAN = 82;

/**
 * A horizontal bar chart drawn by hand in SVG. Widths are percentages, so labels keep their real
 * size at any screen width (a viewBox would shrink the text to nothing at 360 px). Accessible: the
 * SVG is one image named by its title and described by a sentence of the values, and the same data
 * is offered as a table (WCAG 1.1.1, 1.4.1: the values are printed, not only drawn).
 */
export function BarChart({
  title,
  data,
  max,
  format = (v) => v.toLocaleString('it-IT'),
  color = '#0066cc',
}: {
  title: string;
  data: BarDatum[];
  max?: number;
  format?: (value: number) => string;
  color?: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const top = Math.max(max ?? 0, ...data.map((d) => d.value), 1);
  const description = data.map((d) => `${d.label}: ${format(d.value)}`).join('; ');
  return (
    <figure className="mb-3">
      <svg role="img" aria-labelledby={`${id}-t ${id}-d`} width="100%" height={data.length * ROW + 4} className="d-block">
        <title id={`${id}-t`}>{title}</title>
        <desc id={`${id}-d`}>{description}</desc>
        {data.map((d, i) => {
          const pct = (d.value / top) * SPAN;
          const y = i * ROW;
          return (
            <g key={d.label}>
              <text x="0" y={y + 15} fontSize="14" fill="#1a1a1a">
                {d.label}
              </text>
              <rect x="0" y={y + 22} width={`${Math.max(pct, 0.4)}%`} height={BAR} rx="2" fill={color} />
              <text x={`${Math.max(pct, 0.4)}%`} dx="6" y={y + 36} fontSize="14" fontWeight="600" fill="#1a1a1a">
                {format(d.value)}
              </text>
            </g>
          );
        })}
      </svg>
      <details className="small">
        <summary>{t('charts.dataTable')}</summary>
        <table className="table table-sm mt-2">
          <caption className="visually-hidden">{title}</caption>
          <tbody>
            {data.map((d) => (
              <tr key={d.label}>
                <th scope="row">{d.label}</th>
                <td className="text-end">{format(d.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
