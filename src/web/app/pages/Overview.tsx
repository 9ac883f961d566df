/** The overview: what the graph holds, evaluations by year, country and region, ratings by criterion. */
import { useState } from 'react';
import { graphql } from '../../gql';
import { useQuery } from '../api';
import { BarList, ColumnChart, DistributionChart, type Bar } from '../components/Charts';
import { DataTable } from '../components/DataTable';
import { ErrorBox, Loading } from '../components/Status';
import { encodeTick } from '../facets';
import { number } from '../format';
import { href } from '../router';

const OverviewDocument = graphql(`
  query Overview {
    evaluations(first: 1) { totalCount }
    projects(first: 1) { totalCount }
    organizations(first: 1) { totalCount }
    recommendations(first: 1) { totalCount }
    evaluationFacets {
      totalCount
      year { value label count }
      country { value label count }
      region { value label count }
    }
    criteria {
      id
      name
      ratingSummary { count average unrated distribution { score count labels } }
    }
  }
`);

const searchBy = (dimension: string, value: string) => href('search', { type: 'EVALUATION', f: [encodeTick({ dimension: dimension as 'year', value })] });

function Tabled({ bars, header, exportName }: { bars: readonly Bar[]; header: string; exportName: string }) {
  return (
    <details className="as-table">
      <summary>As a table</summary>
      <DataTable
        columns={[
          { header, text: (b: Bar) => b.label, href: (b: Bar) => b.href },
          { header: 'Evaluations', text: (b: Bar) => String(b.value), className: 'num' },
        ]}
        rows={bars}
        exportName={exportName}
      />
    </details>
  );
}

export function OverviewPage() {
  const { data, error } = useQuery(OverviewDocument, {});
  const [by, setBy] = useState<'country' | 'region'>('country');
  if (error) return <ErrorBox error={error} />;
  if (!data) return <Loading />;
  const f = data.evaluationFacets;
  const years: Bar[] = [...f.year].sort((a, b) => Number(a.value) - Number(b.value)).map((y) => ({ label: y.value, value: y.count, href: searchBy('year', y.value) }));
  const places: Bar[] = (by === 'country' ? f.country : f.region).slice(0, 15).map((c) => ({ label: c.label ?? c.value, value: c.count, href: searchBy(by, c.value) }));
  const rated = data.criteria.filter((c) => c.ratingSummary.count + c.ratingSummary.unrated > 0);
  return (
    <div className="overview">
      <h1>Migration evaluations, as a graph</h1>
      <p className="lead">
        Evaluations of migration projects and policies, the institutions behind them, what evaluators found and what they recommended. Search them, follow who worked with whom, and
        see what became of each recommendation.
      </p>
      <ul className="stats">
        <li><a href={href('search', { type: 'EVALUATION' })}><strong>{number(data.evaluations.totalCount)}</strong> evaluations</a></li>
        <li><a href={href('search', { type: 'PROJECT' })}><strong>{number(data.projects.totalCount)}</strong> projects</a></li>
        <li><a href={href('search', { type: 'ORGANIZATION' })}><strong>{number(data.organizations.totalCount)}</strong> organisations</a></li>
        <li><a href={href('search', { type: 'RECOMMENDATION' })}><strong>{number(data.recommendations.totalCount)}</strong> recommendations</a></li>
      </ul>
      <section>
        <h2>Evaluations by year</h2>
        <ColumnChart bars={years} title={`Evaluations per year (${number(years.reduce((t, y) => t + y.value, 0))} with a year, of ${number(f.totalCount)})`} />
        <Tabled bars={years} header="Year" exportName="evaluations by year" />
      </section>
      <section>
        <h2>
          Evaluations by{' '}
          <select value={by} onChange={(e) => setBy(e.target.value as 'country' | 'region')} aria-label="By country or region">
            <option value="country">country</option>
            <option value="region">region</option>
          </select>
        </h2>
        <BarList bars={places} title={`The ${places.length} ${by === 'country' ? 'countries' : 'regions'} with most evaluations (an evaluation counts for each it covers)`} />
        <Tabled bars={(by === 'country' ? f.country : f.region).map((c) => ({ label: c.label ?? c.value, value: c.count, href: searchBy(by, c.value) }))} header={by === 'country' ? 'Country' : 'Region'} exportName={`evaluations by ${by}`} />
      </section>
      <section>
        <h2>Ratings by criterion</h2>
        {rated.length ? (
          <>
            <DistributionChart
              title="Scores evaluators gave each criterion, across evaluations (average and count of rated findings)"
              rows={rated.map((c) => ({ name: c.name, average: c.ratingSummary.average ?? null, count: c.ratingSummary.count, unrated: c.ratingSummary.unrated, buckets: c.ratingSummary.distribution }))}
            />
            <details className="as-table">
              <summary>As a table</summary>
              <DataTable
                columns={[
                  { header: 'Criterion', text: (c: (typeof rated)[number]) => c.name },
                  { header: 'Rated findings', text: (c) => String(c.ratingSummary.count), className: 'num' },
                  { header: 'Average', text: (c) => (c.ratingSummary.average === null || c.ratingSummary.average === undefined ? '' : c.ratingSummary.average.toFixed(2)), className: 'num' },
                  { header: 'Scores', text: (c) => c.ratingSummary.distribution.map((d) => `${d.score}: ${d.count}`).join('; ') },
                  { header: 'Unrated', text: (c) => String(c.ratingSummary.unrated), className: 'num' },
                ]}
                rows={rated}
                exportName="ratings by criterion"
              />
            </details>
          </>
        ) : (
          <p className="empty">No evaluation in the graph rates a criterion yet.</p>
        )}
      </section>
    </div>
  );
}
