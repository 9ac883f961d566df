/**
 * Writers that cannot interleave, tried as a hostile tester would over HTTP: many editors
 * sending the same mutation at once get the result of some serial order. No merged versions of
 * an evaluation, one organisation per institution, no ghost recommendation after a delete
 * race, a follow-up history whose "before" is the real before. Runs on each store.
 */
import { describe, expect, it } from 'vitest';
import { gql, useApi } from '../helpers/api.js';
import { generatedRecord } from '../helpers/generate.js';

const EDITOR = 'editor-token-concurrency-0123456789';
// Writes take turns, so the last of 50 waits for the 49 before it: on a live Neo4j sharing two
// cores with the tests that can pass the default 10 s. These tests are about what the writes
// leave, not how fast they queue, so the deadline is a minute.
const api = useApi({ env: { EDITOR_TOKENS: `concurrency:${EDITOR}`, REQUEST_TIMEOUT_MS: '60000' } });
const call = (query: string, variables: Record<string, unknown> = {}) => gql(api.url, query, variables, { authorization: `Bearer ${EDITOR}` });

const UPSERT = `mutation($record: JSONObject!) { upsertEvaluation(record: $record) { created evaluation { id } } }`;

/** A generated evaluation (number `i`) as version `v`: its two recommendations say which version they belong to. */
function version(i: number, v: number) {
  const record = generatedRecord(i);
  record.evaluation.recommendations = ['A', 'B'].map((code) => ({ code, theme: 'Record keeping', audiences: ['IOM Bolivia'], text: `Version ${v}, recommendation ${code}: keep records of every approval.` }));
  return record;
}

async function recommendationsOf(evaluationId: string): Promise<string[]> {
  const res = await call(`query($id: ID!) { node(id: $id) { ... on Evaluation { recommendations { code text } } } }`, { id: evaluationId });
  expect(res.errors).toBeUndefined();
  return res.data.node.recommendations.map((r: { code: string; text: string }) => `${r.code}: ${r.text}`);
}

describe('concurrent writers', () => {
  it('50 concurrent upserts of one evaluation leave one whole version of it, and only the first says it created it', { timeout: 120_000 }, async () => {
    const responses = await Promise.all(Array.from({ length: 50 }, (_, v) => call(UPSERT, { record: version(9001, v) })));
    for (const res of responses) expect(res.errors).toBeUndefined();
    expect(responses.filter((r) => r.data.upsertEvaluation.created)).toHaveLength(1);
    const ids = new Set(responses.map((r) => r.data.upsertEvaluation.evaluation.id));
    expect(ids.size).toBe(1);
    const stored = await recommendationsOf([...ids][0]!);
    expect(stored).toHaveLength(2);
    const v = stored[0]!.match(/Version (\d+),/)![1];
    expect(stored).toEqual([`A: Version ${v}, recommendation A: keep records of every approval.`, `B: Version ${v}, recommendation B: keep records of every approval.`]);
  });

  it('two upserts at once naming one new institution, with and without its acronym, leave one organisation', async () => {
    const withAcronym = generatedRecord(9101);
    const without = generatedRecord(9102);
    withAcronym.organizations!.push({ name: 'Fundación Nueva Esperanza', acronym: 'FUNE', kind: 'CIVIL_SOCIETY' });
    withAcronym.projects![0]!.partners!.push({ organization: 'FUNE' });
    without.organizations!.push({ name: 'Fundación Nueva Esperanza', kind: 'CIVIL_SOCIETY' });
    without.projects![0]!.partners!.push({ organization: 'Fundación Nueva Esperanza' });
    const responses = await Promise.all([call(UPSERT, { record: withAcronym }), call(UPSERT, { record: without })]);
    for (const res of responses) expect(res.errors).toBeUndefined();
    const found = await call(`{ organizations(where: { text: "Nueva Esperanza" }) { totalCount edges { node { name acronym } } } }`);
    expect(found.data.organizations).toEqual({ totalCount: 1, edges: [{ node: { name: 'Fundación Nueva Esperanza', acronym: 'FUNE' } }] });
  });

  it('a delete racing responses to its recommendations gives NOT_FOUND or a response, never a ghost recommendation', async () => {
    for (let round = 0; round < 5; round++) {
      const created = await call(UPSERT, { record: version(9200 + round, 0) });
      const evaluationId = created.data.upsertEvaluation.evaluation.id as string;
      const recs = (await call(`query($id: ID!) { node(id: $id) { ... on Evaluation { recommendations { id } } } }`, { id: evaluationId })).data.node.recommendations.map((r: { id: string }) => r.id);
      const respond = (id: string) => call(`mutation($id: ID!) { respondToRecommendation(id: $id, response: ACCEPTED, text: "Agreed") { id } }`, { id });
      const results = await Promise.all([...recs.map(respond), call(`mutation($id: ID!) { deleteEvaluation(id: $id) { nodesDeleted } }`, { id: evaluationId }), ...recs.map(respond)]);
      for (const res of results) {
        if (res.errors) expect(res.errors.map((e: { extensions?: { code?: string } }) => e.extensions?.code)).toEqual(['NOT_FOUND']);
      }
      for (const id of recs) expect((await call(`query($id: ID!) { node(id: $id) { id } }`, { id })).data.node).toBeNull();
    }
    // Every recommendation served belongs to an evaluation, and has its code and text.
    const all = await call(`{ recommendations(first: 100) { totalCount edges { node { code text evaluation { id } } } } }`);
    for (const { node } of all.data.recommendations.edges) {
      expect(node.evaluation).not.toBeNull();
      expect(node.code).not.toBe('');
      expect(node.text).not.toBe('');
    }
  });

  it('40 concurrent status changes of one action leave a history where each change starts from the status before it', async () => {
    const created = await call(UPSERT, { record: version(9300, 0) });
    const evaluationId = created.data.upsertEvaluation.evaluation.id as string;
    const [rec] = (await call(`query($id: ID!) { node(id: $id) { ... on Evaluation { recommendations { id } } } }`, { id: evaluationId })).data.node.recommendations;
    const org = (await call(`{ organization(acronym: "INE") { id } }`)).data.organization.id;
    const added = await call(`mutation($rec: ID!, $org: ID!) { addFollowUpAction(recommendationId: $rec, description: "Publish the register", responsible: $org) { id } }`, { rec: rec.id, org });
    const actionId = added.data.addFollowUpAction.id as string;
    const statuses = Array.from({ length: 40 }, (_, i) => (i % 2 ? 'COMPLETED' : 'INITIATED'));
    const results = await Promise.all(statuses.map((status, i) => call(`mutation($id: ID!, $status: ActionStatus!) { updateFollowUpAction(id: $id, status: $status, note: "${i}") { id } }`, { id: actionId, status })));
    for (const res of results) expect(res.errors).toBeUndefined();
    const follow = await call(`query($id: ID!) { node(id: $id) { ... on Recommendation { followUp { actions { status } history { action details } } } } }`, { id: rec.id });
    const transitions = follow.data.node.followUp.history
      .filter((e: { action: string }) => e.action === 'ACTION_UPDATED')
      .map((e: { details: string }) => e.details.match(/: (\w+) -> (\w+)/)!.slice(1, 3) as [string, string]);
    expect(transitions).toHaveLength(40);
    // One chain: exactly one change starts from NOT_STARTED, and following "before -> after"
    // from it visits every change once, ending at the action's status.
    expect(transitions.filter(([before]: [string, string]) => before === 'NOT_STARTED')).toHaveLength(1);
    const notes = follow.data.node.followUp.history.filter((e: { action: string }) => e.action === 'ACTION_UPDATED').map((e: { details: string }) => Number(e.details.match(/\((\d+)\)$/)![1]));
    // In history order, each change's "before" is the previous change's "after".
    for (let k = 1; k < transitions.length; k++) expect(transitions[k]![0]).toBe(transitions[k - 1]![1]);
    expect(new Set(notes).size).toBe(40);
    expect(follow.data.node.followUp.actions[0].status).toBe(transitions.at(-1)![1]);
  });
});
