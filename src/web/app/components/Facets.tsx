/** The facet panel: per dimension, the values the results have and how many, ticked to narrow. */
import { useState } from 'react';
import { DIMENSIONS, sameTick, type Dimension, type Tick } from '../facets';
import { number } from '../format';

export interface FacetValue {
  readonly value: string;
  readonly label?: string | null;
  readonly count: number;
  readonly criterion?: string;
  readonly score?: number;
}

const SHOWN = 6;

function tickOf(dimension: Dimension, v: FacetValue): Tick {
  return dimension === 'rating' ? { dimension, value: v.value, criterion: v.criterion!, score: v.score! } : { dimension, value: v.value };
}

function Dimension(props: { dimension: Dimension; title: string; values: readonly FacetValue[]; ticks: readonly Tick[]; onToggle: (t: Tick) => void }) {
  const [open, setOpen] = useState(false);
  const ticked = props.ticks.filter((t) => t.dimension === props.dimension);
  // Ticked values first (even when nothing has them any more), then the most frequent.
  const others = props.values.filter((v) => !ticked.some((t) => sameTick(tickOf(props.dimension, v), t)));
  // Years read best newest first.
  if (props.dimension === 'year') others.sort((a, b) => Number(b.value) - Number(a.value));
  const values: FacetValue[] = [
    ...ticked.map((t) => props.values.find((v) => sameTick(tickOf(props.dimension, v), t)) ?? { value: t.value, count: 0, criterion: t.criterion, score: t.score }),
    ...others,
  ];
  if (!values.length) return null;
  const shown = open ? values : values.slice(0, Math.max(SHOWN, ticked.length));
  return (
    <fieldset className="facet" data-facet={props.dimension}>
      <legend>{props.title}</legend>
      <ul>
        {shown.map((v) => {
          const tick = tickOf(props.dimension, v);
          const checked = ticked.some((t) => sameTick(t, tick));
          return (
            <li key={v.value}>
              <label>
                <input type="checkbox" checked={checked} onChange={() => props.onToggle(tick)} />
                <span className="facet-label">{v.label ?? v.value}</span>
                <span className="facet-count">{number(v.count)}</span>
              </label>
            </li>
          );
        })}
      </ul>
      {values.length > shown.length || open ? (
        <button type="button" className="link-button" onClick={() => setOpen(!open)}>
          {open ? 'Show fewer' : `Show all ${values.length}`}
        </button>
      ) : null}
    </fieldset>
  );
}

export function FacetPanel(props: { facets: Partial<Record<Dimension, readonly FacetValue[]>> | undefined; ticks: readonly Tick[]; onToggle: (t: Tick) => void; onClear: () => void }) {
  return (
    <aside className="facets" aria-label="Filters">
      <div className="facets-head">
        <h2>Narrow down</h2>
        {props.ticks.length ? (
          <button type="button" className="link-button" onClick={props.onClear}>
            Clear all
          </button>
        ) : null}
      </div>
      {props.facets ? (
        DIMENSIONS.map(([dimension, title]) => <Dimension key={dimension} dimension={dimension} title={title} values={props.facets![dimension] ?? []} ticks={props.ticks} onToggle={props.onToggle} />)
      ) : (
        <p className="loading">Counting…</p>
      )}
    </aside>
  );
}
