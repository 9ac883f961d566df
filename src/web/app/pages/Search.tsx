/**
 * Search: evaluations, recommendations, findings, conclusions, projects and organisations,
 * by words and by facets (each ticked value narrows the results to the count it shows), a page
 * at a time, with a CSV of the page as shown; "did you mean" when nothing is found.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { graphql } from '../../gql';
import type { SearchQuery, SearchType } from '../../gql/graphql';
import { useQuery } from '../api';
import { DataTable, type Column } from '../components/DataTable';
import { FacetPanel } from '../components/Facets';
import { ErrorBox, Loading } from '../components/Status';
import { decodeTick, encodeTick, sameTick, whereOf, type Tick } from '../facets';
import { list, number, orgName, shorten, words } from '../format';
import { href, navigate, pageOf, type Route } from '../router';

const SearchDocument = graphql(`
  query Search($query: String, $types: [SearchType!], $where: EvaluationWhere, $first: Int, $after: String) {
    searchResults(query: $query, types: $types, where: $where, first: $first, after: $after) {
      totalCount
      countsByType { type count }
      pageInfo { hasNextPage endCursor }
      edges {
        cursor
        node {
          type
          score
          snippet
          node {
            __typename
            id
            ... on Evaluation { title year timing stage countries { name } projects { countries { name } } }
            ... on Recommendation { code text theme { name } evaluation { id title year } }
            ... on Finding { title summary criterion { name } rating { score label } evaluation { id title year } }
            ... on Conclusion { text evaluation { id title year } }
            ... on Project { projectCode: code projectTitle: title type countries { name } }
            ... on Organization { name acronym kind country }
          }
        }
      }
      facets {
        totalCount
        year { value label count }
        country { value label count }
        region { value label count }
        donor { value label count }
        thematicArea { value label count }
        crossCuttingTheme { value label count }
        scope { value label count }
        timing { value label count }
        level { value label count }
        rating { value label count criterion score }
      }
    }
  }
`);

const SuggestionsDocument = graphql(`
  query Suggestions($text: String!) {
    suggestions(text: $text, first: 5) { kind value label similarity node { __typename id } }
  }
`);

const PAGE_SIZE = 20;

const KINDS: readonly { type: SearchType | 'ALL'; title: string }[] = [
  { type: 'ALL', title: 'Everything' },
  { type: 'EVALUATION', title: 'Evaluations' },
  { type: 'RECOMMENDATION', title: 'Recommendations' },
  { type: 'FINDING', title: 'Findings' },
  { type: 'CONCLUSION', title: 'Conclusions' },
  { type: 'PROJECT', title: 'Projects' },
  { type: 'ORGANIZATION', title: 'Organisations' },
];

type Hit = SearchQuery['searchResults']['edges'][number]['node'];
type Result = Hit['node'];

/** What a result is called, where it sits, its year. */
function titleOf(r: Result): string {
  switch (r.__typename) {
    case 'Evaluation': return r.title;
    case 'Recommendation': return `${r.code}. ${r.text}`;
    case 'Finding': return r.title || r.summary;
    case 'Conclusion': return r.text;
    case 'Project': return [r.projectTitle, r.projectCode].filter(Boolean).join(' — ');
    case 'Organization': return orgName(r);
    default: return '';
  }
}
function evaluationOf(r: Result): { id: string; title: string; year?: number | null } | null | undefined {
  return r.__typename === 'Recommendation' || r.__typename === 'Finding' || r.__typename === 'Conclusion' ? r.evaluation : undefined;
}
function yearOf(r: Result): string {
  if (r.__typename === 'Evaluation') return r.year ? String(r.year) : '';
  const e = evaluationOf(r);
  return e?.year ? String(e.year) : '';
}
function countriesOf(r: Result): string {
  if (r.__typename === 'Evaluation') return list([...new Set([...r.countries, ...r.projects.flatMap((p) => p.countries)].map((c) => c.name))]);
  if (r.__typename === 'Project') return list(r.countries.map((c) => c.name));
  return '';
}
const linkOf = (r: Result) => pageOf(r.__typename, r.id);
const kindName = (type: string) => ({ EVALUATION: 'Evaluation', RECOMMENDATION: 'Recommendation', FINDING: 'Finding', CONCLUSION: 'Conclusion', PROJECT: 'Project', ORGANIZATION: 'Organisation' })[type] ?? type;

function columnsFor(type: SearchType | 'ALL', withSnippet: boolean): Column<Hit>[] {
  const evaluationColumn: Column<Hit> = { header: 'Evaluation', text: (h) => evaluationOf(h.node)?.title ?? '', href: (h) => { const e = evaluationOf(h.node); return e ? href('evaluation', e.id) : undefined; } };
  const year: Column<Hit> = { header: 'Year', text: (h) => yearOf(h.node), className: 'num' };
  const snippet: Column<Hit>[] = withSnippet ? [{ header: 'Matching text', text: (h) => h.snippet, className: 'snippet' }] : [];
  switch (type) {
    case 'EVALUATION':
      return [
        { header: 'Evaluation', text: (h) => titleOf(h.node), href: (h) => linkOf(h.node) },
        year,
        { header: 'Timing', text: (h) => (h.node.__typename === 'Evaluation' ? words(h.node.stage) || (h.node.timing ?? '') : '') },
        { header: 'Countries', text: (h) => shorten(countriesOf(h.node), 80) },
      ];
    case 'RECOMMENDATION':
      return [
        { header: 'Recommendation', text: (h) => titleOf(h.node), href: (h) => linkOf(h.node) },
        { header: 'Theme', text: (h) => (h.node.__typename === 'Recommendation' ? h.node.theme?.name ?? '' : '') },
        evaluationColumn,
        year,
      ];
    case 'FINDING':
      return [
        { header: 'Finding', text: (h) => titleOf(h.node) },
        { header: 'Criterion', text: (h) => (h.node.__typename === 'Finding' ? h.node.criterion.name : '') },
        { header: 'Rating', text: (h) => (h.node.__typename === 'Finding' && h.node.rating ? `${h.node.rating.score} ${h.node.rating.label}` : '') },
        evaluationColumn,
        year,
        ...snippet,
      ];
    case 'CONCLUSION':
      return [{ header: 'Conclusion', text: (h) => titleOf(h.node) }, evaluationColumn, year];
    case 'PROJECT':
      return [
        { header: 'Project', text: (h) => titleOf(h.node), href: (h) => linkOf(h.node) },
        { header: 'Type', text: (h) => (h.node.__typename === 'Project' ? h.node.type ?? '' : '') },
        { header: 'Countries', text: (h) => countriesOf(h.node) },
      ];
    case 'ORGANIZATION':
      return [
        { header: 'Organisation', text: (h) => titleOf(h.node), href: (h) => linkOf(h.node) },
        { header: 'Kind', text: (h) => (h.node.__typename === 'Organization' ? words(h.node.kind) : '') },
        { header: 'Country', text: (h) => (h.node.__typename === 'Organization' ? h.node.country ?? '' : '') },
      ];
    default:
      return [
        { header: 'Kind', text: (h) => kindName(h.type) },
        { header: 'Result', text: (h) => shorten(titleOf(h.node), 140), href: (h) => linkOf(h.node) ?? (evaluationOf(h.node) ? href('evaluation', evaluationOf(h.node)!.id) : undefined) },
        { header: 'In', text: (h) => evaluationOf(h.node)?.title ?? countriesOf(h.node) },
        year,
        ...snippet,
      ];
  }
}

function Suggestions({ text, onUse }: { text: string; onUse: (value: string) => void }) {
  const { data } = useQuery(SuggestionsDocument, { text }, { skip: text.trim().length < 2 });
  if (!data?.suggestions.length) return null;
  return (
    <p className="did-you-mean">
      Did you mean{' '}
      {data.suggestions.map((s, i) => {
        const page = pageOf(s.node.__typename, s.node.id);
        return (
          <span key={s.node.id}>
            {i > 0 ? ', ' : ''}
            {page ? <a href={page}>{s.label}</a> : <button type="button" className="link-button" onClick={() => onUse(s.value)}>{s.label}</button>}
            <span className="muted"> ({words(s.kind)})</span>
          </span>
        );
      })}
      ?
    </p>
  );
}

export function SearchPage({ route }: { route: Route }) {
  const query = route.params.get('q') ?? '';
  const type = (route.params.get('type') ?? 'ALL') as SearchType | 'ALL';
  const ticks = route.params.getAll('f').map(decodeTick).filter((t): t is Tick => Boolean(t));
  const [draft, setDraft] = useState(query);
  useEffect(() => {
    setDraft(query);
  }, [query]);
  // The cursors of the pages seen so far, for these words, kind and filters.
  const stateKey = `${query}|${type}|${ticks.map(encodeTick).join('|')}`;
  const [paging, setPaging] = useState<{ key: string; cursors: (string | null)[] }>({ key: stateKey, cursors: [null] });
  const cursors = paging.key === stateKey ? paging.cursors : [null];
  const setCursors = (next: (string | null)[]) => setPaging({ key: stateKey, cursors: next });

  const go = (next: { q?: string; type?: string; ticks?: readonly Tick[] }) =>
    navigate(href('search', { q: next.q ?? query, type: (next.type ?? type) === 'ALL' ? undefined : next.type ?? type, f: (next.ticks ?? ticks).map(encodeTick) }));
  const toggle = (t: Tick) => go({ ticks: ticks.some((x) => sameTick(x, t)) ? ticks.filter((x) => !sameTick(x, t)) : [...ticks, t] });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    go({ q: draft.trim() });
  };

  const after = cursors.at(-1) ?? null;
  const { data, error, loading } = useQuery(SearchDocument, { query: query || null, types: type === 'ALL' ? null : [type], where: whereOf(ticks) ?? null, first: PAGE_SIZE, after });
  const results = data?.searchResults;
  const counts = new Map(results?.countsByType.map((c) => [c.type, c.count]));
  const all = results ? results.countsByType.reduce((total, c) => total + c.count, 0) : undefined;
  const page = cursors.length;
  const from = (page - 1) * PAGE_SIZE + 1;

  return (
    <div className="search-page">
      <h1>Search</h1>
      <form className="search-form" onSubmit={submit} role="search">
        <input type="search" name="q" value={draft} onChange={(e) => setDraft(e.target.value)} placeholder="Words to find: a title, a name, an acronym, a project code…" aria-label="Words to find" />
        <button type="submit">Search</button>
      </form>
      <nav className="tabs" aria-label="Kinds of results">
        {KINDS.map((k) => {
          const n = k.type === 'ALL' ? all : counts.get(k.type);
          return (
            <a key={k.type} href={href('search', { q: query, type: k.type === 'ALL' ? undefined : k.type, f: ticks.map(encodeTick) })} className={k.type === type ? 'tab active' : 'tab'} aria-current={k.type === type ? 'page' : undefined}>
              {k.title} {n !== undefined ? <span className="count">{number(n)}</span> : null}
            </a>
          );
        })}
      </nav>
      <div className="with-facets">
        <FacetPanel facets={results?.facets} ticks={ticks} onToggle={toggle} onClear={() => go({ ticks: [] })} />
        <section className="results" aria-live="polite">
          {error ? <ErrorBox error={error} /> : null}
          {loading && !results ? <Loading what="Searching" /> : null}
          {results ? (
            <>
              <p className="result-count" data-total={results.totalCount}>
                {results.totalCount === 0
                  ? 'No results.'
                  : `${number(from)}–${number(from + results.edges.length - 1)} of ${number(results.totalCount)} result${results.totalCount === 1 ? '' : 's'}`}
                {ticks.length ? ` (${ticks.length} filter${ticks.length === 1 ? '' : 's'})` : ''}
                {loading ? <span className="muted"> · updating…</span> : null}
              </p>
              {results.totalCount === 0 && query ? <Suggestions text={query} onUse={(value) => go({ q: value })} /> : null}
              <DataTable
                columns={columnsFor(type, Boolean(query))}
                rows={results.edges.map((e) => e.node)}
                exportName={['search', query, type === 'ALL' ? '' : type, ...ticks.map((t) => t.value), `page ${page}`].filter(Boolean).join(' ')}
                testId="search-results"
                empty={query ? 'Nothing holds every word.' : 'Nothing matches these filters.'}
              />
              <div className="pager">
                <button type="button" disabled={page <= 1} onClick={() => setCursors(cursors.slice(0, -1))}>
                  ← Previous
                </button>
                <span>Page {page}</span>
                <button type="button" disabled={!results.pageInfo.hasNextPage} onClick={() => setCursors([...cursors, results.pageInfo.endCursor])}>
                  Next →
                </button>
              </div>
            </>
          ) : null}
        </section>
      </div>
    </div>
  );
}
