/** An evaluation: what the catalogue and its brief say, ratings per criterion, findings, conclusions, recommendations and their follow-up, documents. */
import { graphql } from '../../gql';
import { useQuery } from '../api';
import { RatingChart } from '../components/Charts';
import { DataTable } from '../components/DataTable';
import { ErrorBox, Loading, NotFound } from '../components/Status';
import { list, orgName, projectName, words } from '../format';
import { href } from '../router';

const EvaluationDocument = graphql(`
  query EvaluationPage($id: ID!) {
    evaluation(id: $id) {
      id title type stage year timing scope level evaluatorType coverage languages publicationDate finalReportDate
      period { from to }
      fieldVisits { from to }
      purpose intendedUsers methodology keyFindings lessonsLearned
      hasBrief hasManagementResponse hasTermsOfReference
      countries { name }
      regions { name }
      donors { id name acronym }
      commissioners { id name acronym }
      evaluators { name title organization { id name acronym } }
      evaluationFirms { id name acronym }
      managedBy { name title organization { id name acronym } }
      thematicAreas { name }
      crossCuttingThemes { name }
      projects { id code title type countries { name } }
      criteria { name }
      findings { id title summary criterion { name } rating { score label scaleMax } }
      conclusions { id text }
      recommendations { id code text theme { name } audiences { id name acronym } followUp { status response } }
      documents { url subtype description }
    }
  }
`);

type Rec = { id: string; code: string; text: string; theme?: { name: string } | null; audiences: { name: string; acronym?: string | null }[]; followUp: { status: string; response?: string | null } };
type Doc = { url: string; subtype?: string | null; description?: string | null };

function Field({ name, children }: { name: string; children: React.ReactNode }) {
  if (children === null || children === undefined || children === '' || (Array.isArray(children) && !children.length)) return null;
  return (
    <>
      <dt>{name}</dt>
      <dd>{children}</dd>
    </>
  );
}

const range = (r: { from?: string | null; to?: string | null } | null | undefined) => (r ? `${r.from ?? '…'} to ${r.to ?? '…'}` : '');

export function EvaluationPage({ id }: { id: string }) {
  const { data, error } = useQuery(EvaluationDocument, { id });
  if (error) return <ErrorBox error={error} />;
  if (!data) return <Loading />;
  const e = data.evaluation;
  if (!e) return <NotFound what="evaluation" />;
  const orgLinks = (orgs: readonly { id: string; name: string; acronym?: string | null }[]) =>
    orgs.map((o, i) => (
      <span key={o.id}>
        {i ? ', ' : ''}
        <a href={href('organization', o.id)}>{orgName(o)}</a>
      </span>
    ));
  // One rating per criterion in scope, in the brief's order (unrated criteria shown as such).
  const criteria = [...new Set([...e.criteria.map((c) => c.name), ...e.findings.map((f) => f.criterion.name)])];
  const ratings = criteria.map((name) => {
    const rated = e.findings.find((f) => f.criterion.name === name && f.rating);
    return { criterion: name, score: rated?.rating?.score ?? null, scaleMax: rated?.rating?.scaleMax ?? null, label: rated?.rating?.label ?? null };
  });
  const countries = [...new Set([...e.countries.map((c) => c.name), ...e.projects.flatMap((p) => p.countries.map((c) => c.name))])];
  return (
    <article className="evaluation-page">
      <p className="kind">Evaluation{e.year ? ` · ${e.year}` : ''}</p>
      <h1>{e.title}</h1>
      <dl className="facts">
        <Field name="Type">{e.type}</Field>
        <Field name="Timing">{e.timing ?? words(e.stage)}</Field>
        <Field name="Scope">{list(e.scope)}</Field>
        <Field name="Level">{e.level}</Field>
        <Field name="Evaluators">{e.evaluatorType}</Field>
        <Field name="Projects">
          {e.projects.map((p, i) => (
            <span key={p.id}>
              {i ? '; ' : ''}
              <a href={href('project', p.id)}>{projectName(p)}</a>
            </span>
          ))}
        </Field>
        <Field name="Countries">{list(countries)}</Field>
        <Field name="Regions">{list(e.regions.map((r) => r.name))}</Field>
        <Field name="Donors">{orgLinks(e.donors)}</Field>
        <Field name="Commissioned by">{orgLinks(e.commissioners)}</Field>
        <Field name="Conducted by">
          {[...e.evaluators.map((p) => `${p.name}${p.organization ? ` (${orgName(p.organization)})` : ''}`), ...e.evaluationFirms.filter((f) => !e.evaluators.some((p) => p.organization?.id === f.id)).map(orgName)].join(', ')}
        </Field>
        <Field name="Managed by">{e.managedBy ? `${e.managedBy.name}${e.managedBy.title ? `, ${e.managedBy.title}` : ''}${e.managedBy.organization ? ` (${orgName(e.managedBy.organization)})` : ''}` : null}</Field>
        <Field name="Thematic areas">{list(e.thematicAreas.map((t) => t.name))}</Field>
        <Field name="Cross-cutting themes">{list(e.crossCuttingThemes.map((t) => t.name))}</Field>
        <Field name="Period evaluated">{range(e.period)}</Field>
        <Field name="Field visits">{range(e.fieldVisits)}</Field>
        <Field name="Final report">{e.finalReportDate}</Field>
        <Field name="Published">{e.publicationDate}</Field>
        <Field name="Coverage">{e.coverage}</Field>
        <Field name="Languages">{list(e.languages)}</Field>
        <Field name="Methodology">{list(e.methodology)}</Field>
        <Field name="Intended users">{e.intendedUsers}</Field>
      </dl>
      {e.purpose ? (
        <section>
          <h2>Purpose</h2>
          <p>{e.purpose}</p>
        </section>
      ) : null}
      <section>
        <h2>Ratings per criterion</h2>
        {ratings.some((r) => r.score !== null) ? <RatingChart ratings={ratings} title="The evaluators' rating of each criterion" /> : <p className="empty">This evaluation rates no criterion{e.findings.length ? '' : ' (no brief of it is in the graph)'}.</p>}
      </section>
      {e.keyFindings.length ? (
        <section>
          <h2>Key findings</h2>
          <DataTable columns={[{ header: 'Key finding', text: (k: string) => k, className: 'prose' }]} rows={e.keyFindings} exportName={`key findings ${e.title}`} testId="key-findings" />
        </section>
      ) : null}
      <section>
        <h2>Findings</h2>
        <DataTable
          columns={[
            { header: 'Criterion', text: (f: (typeof e.findings)[number]) => f.criterion.name },
            { header: 'Rating', text: (f) => (f.rating ? `${f.rating.score}${f.rating.scaleMax ? `/${f.rating.scaleMax}` : ''} ${f.rating.label}` : '') },
            { header: 'Finding', text: (f) => [f.title, f.summary].filter(Boolean).join(': '), className: 'prose' },
          ]}
          rows={e.findings}
          exportName={`findings ${e.title}`}
          testId="findings"
          empty="No findings recorded."
        />
      </section>
      {e.conclusions.length ? (
        <section>
          <h2>Conclusions</h2>
          <DataTable
            columns={[
              { header: 'No.', text: (c: (typeof e.conclusions)[number]) => String(e.conclusions.indexOf(c) + 1), className: 'num' },
              { header: 'Conclusion', text: (c: (typeof e.conclusions)[number]) => c.text, className: 'prose' },
            ]}
            rows={e.conclusions}
            exportName={`conclusions ${e.title}`}
            testId="conclusions"
          />
        </section>
      ) : null}
      <section>
        <h2>Recommendations</h2>
        <DataTable
          columns={[
            { header: 'Code', text: (r: Rec) => r.code, href: (r: Rec) => href('recommendation', r.id) },
            { header: 'Recommendation', text: (r: Rec) => r.text, className: 'prose' },
            { header: 'Theme', text: (r: Rec) => r.theme?.name ?? '' },
            { header: 'For', text: (r: Rec) => list(r.audiences.map(orgName)) },
            { header: 'Follow-up', text: (r: Rec) => words(r.followUp.status), after: (r: Rec) => (r.followUp.status === 'OVERDUE' ? <span className="badge overdue">overdue</span> : null) },
          ]}
          rows={e.recommendations}
          exportName={`recommendations ${e.title}`}
          testId="recommendations"
          empty="No recommendations recorded."
        />
      </section>
      {e.lessonsLearned.length ? (
        <section>
          <h2>Lessons learned</h2>
          <DataTable columns={[{ header: 'Lesson', text: (k: string) => k, className: 'prose' }]} rows={e.lessonsLearned} exportName={`lessons learned ${e.title}`} testId="lessons" />
        </section>
      ) : null}
      <section>
        <h2>Documents</h2>
        <DataTable
          columns={[
            { header: 'Document', text: (d: Doc) => d.subtype ?? 'Document', href: (d: Doc) => d.url },
            { header: 'Description', text: (d: Doc) => d.description ?? '' },
            { header: 'Address', text: (d: Doc) => d.url, className: 'url' },
          ]}
          rows={e.documents}
          exportName={`documents ${e.title}`}
          testId="documents"
          empty="No published documents are listed for this evaluation."
        />
        <p className="muted">
          {[e.hasBrief ? 'An evaluation brief is available' : null, e.hasManagementResponse ? 'a management response is available' : null, e.hasTermsOfReference ? 'the terms of reference are available' : null].filter(Boolean).join('; ')}
        </p>
      </section>
    </article>
  );
}
