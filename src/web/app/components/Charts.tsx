/** Small SVG charts: bars by category (years), horizontal bars (countries), ratings per criterion. */
import type { ReactNode } from 'react';
import { number } from '../format';

export interface Bar {
  readonly label: string;
  readonly value: number;
  readonly href?: string;
}

const Linked = ({ href, children }: { href?: string; children: ReactNode }) => (href ? <a href={href}>{children}</a> : <>{children}</>);

/** Vertical bars in the given order (e.g. years left to right). */
export function ColumnChart({ bars, title, height = 180 }: { bars: readonly Bar[]; title: string; height?: number }) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const step = Math.max(14, Math.min(40, 720 / Math.max(1, bars.length)));
  const width = bars.length * step + 40;
  const plot = height - 40;
  return (
    <figure className="chart">
      <svg role="img" aria-label={title} viewBox={`0 0 ${width} ${height}`} width="100%" style={{ maxWidth: width * 1.5 }}>
        {bars.map((b, i) => {
          const h = Math.round((b.value / max) * plot);
          const x = 30 + i * step;
          return (
            <Linked key={b.label} href={b.href}>
              <g className="bar">
                <title>{`${b.label}: ${number(b.value)}`}</title>
                <rect x={x} y={plot - h + 10} width={step - 4} height={h} rx={2} />
                {bars.length <= 40 || i % 2 === 0 ? (
                  <text x={x + (step - 4) / 2} y={height - 14} className="axis" textAnchor="end" transform={`rotate(-45 ${x + (step - 4) / 2} ${height - 14})`}>
                    {b.label}
                  </text>
                ) : null}
              </g>
            </Linked>
          );
        })}
        <text x={4} y={14} className="axis">{number(max)}</text>
        <line x1={26} x2={width} y1={plot + 10} y2={plot + 10} className="baseline" />
      </svg>
      <figcaption>{title}</figcaption>
    </figure>
  );
}

/** Horizontal bars, largest first as given, with their labels and values. */
export function BarList({ bars, title }: { bars: readonly Bar[]; title: string }) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  return (
    <figure className="chart barlist">
      <figcaption>{title}</figcaption>
      <ul>
        {bars.map((b) => (
          <li key={b.label}>
            <span className="bar-label">
              <Linked href={b.href}>{b.label}</Linked>
            </span>
            <span className="bar-track" aria-hidden>
              <span className="bar-fill" style={{ width: `${(b.value / max) * 100}%` }} />
            </span>
            <span className="bar-value">{number(b.value)}</span>
          </li>
        ))}
      </ul>
    </figure>
  );
}

export interface CriterionRating {
  readonly criterion: string;
  readonly score: number | null;
  readonly scaleMax: number | null;
  readonly label: string | null;
}

/** An evaluation's rating per criterion, as bars on the scale (4 when the evaluation states none). */
export function RatingChart({ ratings, title }: { ratings: readonly CriterionRating[]; title: string }) {
  const rowHeight = 30;
  const width = 560;
  const labelWidth = 150;
  const plot = width - labelWidth - 120;
  const height = ratings.length * rowHeight + 10;
  return (
    <figure className="chart">
      <svg role="img" aria-label={title} viewBox={`0 0 ${width} ${height}`} width="100%" style={{ maxWidth: width }}>
        {ratings.map((r, i) => {
          const scale = r.scaleMax ?? 4;
          const y = 5 + i * rowHeight;
          return (
            <g key={r.criterion} className="rating-row">
              <title>{r.score === null ? `${r.criterion}: not rated` : `${r.criterion}: ${r.score} of ${scale}${r.label ? ` (${r.label})` : ''}`}</title>
              <text x={labelWidth - 8} y={y + 17} textAnchor="end" className="axis">{r.criterion}</text>
              <rect x={labelWidth} y={y + 4} width={plot} height={18} className="track" rx={3} />
              {r.score !== null ? <rect x={labelWidth} y={y + 4} width={(Math.min(r.score, scale) / scale) * plot} height={18} rx={3} className={`score score-${Math.round((r.score / scale) * 4)}`} /> : null}
              <text x={labelWidth + plot + 8} y={y + 17} className="axis">
                {r.score === null ? 'not rated' : `${r.score}/${scale}${r.label ? ` ${r.label}` : ''}`}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>{title}</figcaption>
    </figure>
  );
}

export interface Distribution {
  readonly name: string;
  readonly average: number | null;
  readonly count: number;
  readonly unrated: number;
  readonly buckets: readonly { score: number; count: number; labels: readonly string[] }[];
}

/** Ratings by criterion across evaluations: a stacked bar of the scores given, and the average. */
export function DistributionChart({ rows, title }: { rows: readonly Distribution[]; title: string }) {
  const width = 640;
  const labelWidth = 150;
  const plot = width - labelWidth - 110;
  const rowHeight = 30;
  const height = rows.length * rowHeight + 30;
  const scores = [...new Set(rows.flatMap((r) => r.buckets.map((b) => b.score)))].sort((a, b) => a - b);
  const top = Math.max(4, ...scores);
  return (
    <figure className="chart">
      <svg role="img" aria-label={title} viewBox={`0 0 ${width} ${height}`} width="100%" style={{ maxWidth: width }}>
        {rows.map((r, i) => {
          const y = 5 + i * rowHeight;
          let x = labelWidth;
          return (
            <g key={r.name}>
              <text x={labelWidth - 8} y={y + 17} textAnchor="end" className="axis">{r.name}</text>
              <rect x={labelWidth} y={y + 4} width={plot} height={18} className="track" rx={3} />
              {r.buckets.map((b) => {
                const w = r.count ? (b.count / r.count) * plot : 0;
                const rect = (
                  <rect key={b.score} x={x} y={y + 4} width={w} height={18} className={`score score-${Math.round((b.score / top) * 4)}`}>
                    <title>{`${r.name}: ${b.count} rated ${b.score}${b.labels.length ? ` (${b.labels.join(', ')})` : ''}`}</title>
                  </rect>
                );
                x += w;
                return rect;
              })}
              <text x={labelWidth + plot + 8} y={y + 17} className="axis">
                {r.average === null ? 'no ratings' : `avg ${r.average.toFixed(2)} (${r.count})`}
              </text>
            </g>
          );
        })}
        <g transform={`translate(${labelWidth}, ${height - 18})`}>
          {scores.map((s, i) => (
            <g key={s} transform={`translate(${i * 70}, 0)`}>
              <rect width={12} height={12} className={`score score-${Math.round((s / top) * 4)}`} />
              <text x={16} y={10} className="axis">{`score ${s}`}</text>
            </g>
          ))}
        </g>
      </svg>
      <figcaption>{title}</figcaption>
    </figure>
  );
}
