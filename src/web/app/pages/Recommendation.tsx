/**
 * A recommendation: the text and who it is for, related recommendations across projects (with
 * the score and the reasons), and its follow-up (response, actions, overdue, history), which an
 * editor can record with an editor token.
 */
import { useState, type FormEvent } from 'react';
import { graphql } from '../../gql';
import type { ActionStatus, ManagementResponse, RecommendationPageQuery } from '../../gql/graphql';
import { request, RequestError, setToken, useQuery, useToken } from '../api';
import { DataTable } from '../components/DataTable';
import { OrganizationPicker, type PickedOrganization } from '../components/OrganizationPicker';
import { ErrorBox, Loading, NotFound } from '../components/Status';
import { list, orgName, projectName, today, words } from '../format';
import { href } from '../router';

const RecommendationDocument = graphql(`
  query RecommendationPage($id: ID!) {
    node(id: $id) {
      __typename
      ... on Recommendation {
        id code text themeLabel
        theme { name broader { name } }
        audiences { id name acronym }
        evaluation { id title year }
        project { id code title implementer { id name acronym } }
        related(first: 10) {
          score reasons
          recommendation { id code text evaluation { id title year } project { code title } }
        }
        followUp {
          status response responseText respondedAt
          actions { id description dueDate status note createdAt updatedAt responsible { id name acronym } }
          history { at actor action details }
        }
      }
    }
  }
`);

const RespondDocument = graphql(`
  mutation Respond($id: ID!, $response: ManagementResponse!, $text: String) {
    respondToRecommendation(id: $id, response: $response, text: $text) { id }
  }
`);

const AddActionDocument = graphql(`
  mutation AddAction($recommendationId: ID!, $description: String!, $responsible: ID!, $dueDate: Date) {
    addFollowUpAction(recommendationId: $recommendationId, description: $description, responsible: $responsible, dueDate: $dueDate) { id status }
  }
`);

const UpdateActionDocument = graphql(`
  mutation UpdateAction($id: ID!, $status: ActionStatus!, $note: String) {
    updateFollowUpAction(id: $id, status: $status, note: $note) { id status }
  }
`);

type Rec = Extract<NonNullable<RecommendationPageQuery['node']>, { __typename: 'Recommendation' }>;
type Action = Rec['followUp']['actions'][number];
type Related = Rec['related'][number];

const RESPONSES: readonly ManagementResponse[] = ['ACCEPTED', 'PARTIALLY_ACCEPTED', 'REJECTED'];
const STATUSES: readonly ActionStatus[] = ['NOT_STARTED', 'INITIATED', 'COMPLETED', 'NO_LONGER_APPLICABLE'];

const isOverdue = (a: Action) => Boolean(a.dueDate && a.dueDate < today() && a.status !== 'COMPLETED' && a.status !== 'NO_LONGER_APPLICABLE');

function TokenField() {
  const token = useToken();
  const [draft, setDraft] = useState('');
  if (token)
    return (
      <p className="token-state">
        Editing with the token you pasted. <button type="button" className="link-button" onClick={() => setToken('')}>Forget it</button>
      </p>
    );
  return (
    <form
      className="token-form"
      onSubmit={(e) => {
        e.preventDefault();
        setToken(draft);
        setDraft('');
      }}
    >
      <label>
        Editor token <input type="password" value={draft} onChange={(e) => setDraft(e.target.value)} autoComplete="off" placeholder="paste the token you were given" />
      </label>
      <button type="submit" disabled={!draft.trim()}>Use it</button>
      <span className="muted">Recording follow-up needs an editor token (EDITOR_TOKENS); it is kept for this browser session only.</span>
    </form>
  );
}

function useMutation() {
  const [error, setError] = useState<RequestError | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (work: () => Promise<unknown>, done: () => void) => {
    setBusy(true);
    setError(null);
    try {
      await work();
      done();
    } catch (e) {
      setError(e instanceof RequestError ? e : new RequestError([{ message: String(e) }]));
    } finally {
      setBusy(false);
    }
  };
  return { error, busy, run };
}

function Editing({ rec, reload }: { rec: Rec; reload: () => void }) {
  const token = useToken();
  const { error, busy, run } = useMutation();
  const [response, setResponse] = useState<ManagementResponse>(rec.followUp.response ?? 'ACCEPTED');
  const [responseText, setResponseText] = useState('');
  const [description, setDescription] = useState('');
  const defaultResponsible = rec.project?.implementer ?? rec.audiences[0] ?? null;
  const [responsible, setResponsible] = useState<PickedOrganization | null>(defaultResponsible);
  const [dueDate, setDueDate] = useState('');

  const respond = (e: FormEvent) => {
    e.preventDefault();
    void run(() => request(RespondDocument, { id: rec.id, response, text: responseText.trim() || null }), () => {
      setResponseText('');
      reload();
    });
  };
  const addAction = (e: FormEvent) => {
    e.preventDefault();
    if (!responsible) return;
    void run(() => request(AddActionDocument, { recommendationId: rec.id, description: description.trim(), responsible: responsible.id, dueDate: dueDate || null }), () => {
      setDescription('');
      setDueDate('');
      reload();
    });
  };
  return (
    <div className="editing">
      <h3>Record follow-up</h3>
      <TokenField />
      {token ? (
        <>
          {error ? <ErrorBox error={error} /> : null}
          <form className="inline-form" onSubmit={respond} aria-label="Management response">
            <label>
              Response{' '}
              <select value={response} onChange={(e) => setResponse(e.target.value as ManagementResponse)}>
                {RESPONSES.map((r) => <option key={r} value={r}>{words(r)}</option>)}
              </select>
            </label>
            <label className="grow">
              In words <input value={responseText} onChange={(e) => setResponseText(e.target.value)} placeholder="optional" />
            </label>
            <button type="submit" disabled={busy}>Record response</button>
          </form>
          <form className="inline-form" onSubmit={addAction} aria-label="New action">
            <label className="grow">
              New action <input value={description} onChange={(e) => setDescription(e.target.value)} placeholder="what is to be done" required />
            </label>
            <div className="responsible">
              <span>Responsible: {responsible ? <strong>{orgName(responsible)}</strong> : <em>pick one</em>}</span>
              <OrganizationPicker label="Change" onPick={setResponsible} placeholder="organisation" />
            </div>
            <label>
              Due <input type="date" value={dueDate} onChange={(e) => setDueDate(e.target.value)} />
            </label>
            <button type="submit" disabled={busy || !description.trim() || !responsible}>Add action</button>
          </form>
        </>
      ) : null}
    </div>
  );
}

function ActionStatusControl({ action, reload }: { action: Action; reload: () => void }) {
  const token = useToken();
  const { error, busy, run } = useMutation();
  if (!token) return null;
  return (
    <span className="action-control">
      <select
        aria-label={`Status of “${action.description}”`}
        value={action.status}
        disabled={busy}
        onChange={(e) => void run(() => request(UpdateActionDocument, { id: action.id, status: e.target.value as ActionStatus, note: null }), reload)}
      >
        {STATUSES.map((s) => <option key={s} value={s}>{words(s)}</option>)}
      </select>
      {error ? <span className="error-inline">{error.message}</span> : null}
    </span>
  );
}

export function RecommendationPage({ id }: { id: string }) {
  const { data, error, reload } = useQuery(RecommendationDocument, { id });
  if (error) return <ErrorBox error={error} />;
  if (!data) return <Loading />;
  const rec = data.node?.__typename === 'Recommendation' ? (data.node as Rec) : null;
  if (!rec) return <NotFound what="recommendation" />;
  const f = rec.followUp;
  return (
    <article className="recommendation-page">
      <p className="kind">
        Recommendation
        {rec.evaluation ? (
          <>
            {' '}of <a href={href('evaluation', rec.evaluation.id)}>{rec.evaluation.title}</a>
            {rec.evaluation.year ? ` (${rec.evaluation.year})` : ''}
          </>
        ) : null}
      </p>
      <h1>
        Recommendation {rec.code}
        {rec.theme ? <span className="acronym"> · {rec.theme.name}</span> : null}
      </h1>
      <blockquote className="recommendation-text">{rec.text}</blockquote>
      <dl className="facts">
        {rec.theme ? (<><dt>Theme</dt><dd>{rec.theme.name}{rec.themeLabel ? ` (worded “${rec.themeLabel}”)` : ''}{rec.theme.broader ? `, under ${rec.theme.broader.name}` : ''}</dd></>) : null}
        {rec.audiences.length ? (
          <>
            <dt>For</dt>
            <dd>{rec.audiences.map((a, i) => (<span key={a.id}>{i ? ', ' : ''}<a href={href('organization', a.id)}>{orgName(a)}</a></span>))}</dd>
          </>
        ) : null}
        {rec.project ? (<><dt>Project</dt><dd><a href={href('project', rec.project.id)}>{projectName(rec.project)}</a></dd></>) : null}
      </dl>
      <section className="follow-up">
        <h2>
          Follow-up <span className={`status status-${f.status.toLowerCase()}`} data-status={f.status}>{words(f.status)}</span>
        </h2>
        <p>
          {f.response ? (
            <>Management response: <strong>{words(f.response)}</strong>{f.responseText ? ` — “${f.responseText}”` : ''}{f.respondedAt ? <span className="muted"> ({f.respondedAt.slice(0, 10)})</span> : null}</>
          ) : (
            'No management response recorded yet.'
          )}
        </p>
        <DataTable
          columns={[
            { header: 'Action', text: (a: Action) => a.description },
            { header: 'Responsible', text: (a: Action) => orgName(a.responsible), href: (a: Action) => (a.responsible ? href('organization', a.responsible.id) : undefined) },
            { header: 'Due', text: (a: Action) => a.dueDate ?? '' },
            { header: 'Status', text: (a: Action) => words(a.status), after: (a: Action) => (
              <>
                {isOverdue(a) ? <span className="badge overdue">overdue</span> : null}
                <ActionStatusControl action={a} reload={reload} />
              </>
            ) },
            { header: 'Note', text: (a: Action) => a.note ?? '' },
          ]}
          rows={f.actions}
          exportName={`follow-up actions ${rec.code}`}
          testId="actions"
          empty="No follow-up action yet."
        />
        <Editing rec={rec} reload={reload} />
        {f.history.length ? (
          <details className="as-table" open>
            <summary>History</summary>
            <DataTable
              columns={[
                { header: 'When', text: (h: (typeof f.history)[number]) => h.at.replace('T', ' ').slice(0, 16) },
                { header: 'Who', text: (h) => h.actor },
                { header: 'What', text: (h) => words(h.action) },
                { header: 'Details', text: (h) => h.details },
              ]}
              rows={f.history}
              exportName={`follow-up history ${rec.code}`}
              testId="history"
            />
          </details>
        ) : null}
      </section>
      <section>
        <h2>Related recommendations in other projects</h2>
        <DataTable
          columns={[
            { header: 'Score', text: (r: Related) => r.score.toFixed(2), className: 'num' },
            { header: 'Recommendation', text: (r: Related) => r.recommendation.text, href: (r: Related) => href('recommendation', r.recommendation.id), className: 'prose' },
            { header: 'Project', text: (r: Related) => projectName(r.recommendation.project) },
            { header: 'Evaluation', text: (r: Related) => r.recommendation.evaluation?.title ?? '', href: (r: Related) => (r.recommendation.evaluation ? href('evaluation', r.recommendation.evaluation.id) : undefined) },
            { header: 'Why', text: (r: Related) => r.reasons.join('; ') },
          ]}
          rows={rec.related}
          exportName={`related to ${rec.code} ${rec.evaluation?.title ?? ''}`}
          testId="related"
          empty="No related recommendation found in other projects."
        />
      </section>
    </article>
  );
}
