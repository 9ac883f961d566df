/** A project: what it was, who implemented, funded and partnered on it, what it produced, its evaluations. */
import { graphql } from '../../gql';
import { useQuery } from '../api';
import { DataTable } from '../components/DataTable';
import { ErrorBox, Loading, NotFound } from '../components/Status';
import { list, number, orgName, words } from '../format';
import { href } from '../router';

const ProjectDocument = graphql(`
  query ProjectPage($id: ID!) {
    project(id: $id) {
      id code title type summary coverage startDate endDate costExtensions extensionMonths
      budget { amount currency }
      countries { name }
      implementer { id name acronym }
      funders { id name acronym }
      partners { lead role organization { id name acronym kind } }
      outputs { id title description component }
      evaluations { id title year stage }
    }
  }
`);

export function ProjectPage({ id }: { id: string }) {
  const { data, error } = useQuery(ProjectDocument, { id });
  if (error) return <ErrorBox error={error} />;
  if (!data) return <Loading />;
  const p = data.project;
  if (!p) return <NotFound what="project" />;
  type Partner = (typeof p.partners)[number];
  type Evaluation = (typeof p.evaluations)[number];
  type Output = (typeof p.outputs)[number];
  return (
    <article className="project-page">
      <p className="kind">Project{p.code ? ` · ${p.code}` : ''}</p>
      <h1>{p.title ?? p.code}</h1>
      <dl className="facts">
        {p.type ? (<><dt>Type</dt><dd>{p.type}</dd></>) : null}
        {p.countries.length ? (<><dt>Countries</dt><dd>{list(p.countries.map((c) => c.name))}</dd></>) : null}
        {p.startDate || p.endDate ? (<><dt>Period</dt><dd>{p.startDate ?? '…'} to {p.endDate ?? '…'}{p.extensionMonths ? ` (extended by ${p.extensionMonths} months)` : ''}</dd></>) : null}
        {p.budget ? (<><dt>Budget</dt><dd>{p.budget.currency} {number(p.budget.amount)}</dd></>) : null}
        {p.implementer ? (<><dt>Implemented by</dt><dd><a href={href('organization', p.implementer.id)}>{orgName(p.implementer)}</a></dd></>) : null}
        {p.funders.length ? (
          <>
            <dt>Funded by</dt>
            <dd>{p.funders.map((f, i) => (<span key={f.id}>{i ? ', ' : ''}<a href={href('organization', f.id)}>{orgName(f)}</a></span>))}</dd>
          </>
        ) : null}
        {p.coverage ? (<><dt>Coverage</dt><dd>{p.coverage}</dd></>) : null}
      </dl>
      {p.summary ? (<section><h2>Summary</h2><p>{p.summary}</p></section>) : null}
      <section>
        <h2>Partners</h2>
        <DataTable
          columns={[
            { header: 'Partner', text: (x: Partner) => orgName(x.organization), href: (x: Partner) => href('organization', x.organization.id) },
            { header: 'Lead', text: (x: Partner) => (x.lead ? 'Lead partner' : '') },
            { header: 'Role', text: (x: Partner) => x.role ?? '' },
            { header: 'Kind', text: (x: Partner) => words(x.organization.kind) },
          ]}
          rows={p.partners}
          exportName={`partners ${p.code ?? p.title ?? ''}`}
          empty="No partner institutions recorded."
        />
      </section>
      {p.outputs.length ? (
        <section>
          <h2>Outputs</h2>
          <DataTable
            columns={[
              { header: 'Component', text: (o: Output) => (o.component ? String(o.component) : ''), className: 'num' },
              { header: 'Output', text: (o: Output) => o.title },
              { header: 'What it is', text: (o: Output) => o.description ?? '', className: 'prose' },
            ]}
            rows={p.outputs}
            exportName={`outputs ${p.code ?? p.title ?? ''}`}
          />
        </section>
      ) : null}
      <section>
        <h2>Evaluations</h2>
        <DataTable
          columns={[
            { header: 'Evaluation', text: (e: Evaluation) => e.title, href: (e: Evaluation) => href('evaluation', e.id) },
            { header: 'Year', text: (e: Evaluation) => (e.year ? String(e.year) : ''), className: 'num' },
            { header: 'Stage', text: (e: Evaluation) => words(e.stage) },
          ]}
          rows={p.evaluations}
          exportName={`evaluations ${p.code ?? p.title ?? ''}`}
        />
      </section>
    </article>
  );
}
