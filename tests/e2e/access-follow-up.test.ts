/**
 * Writes over HTTP, as an evaluation unit would use them after a report lands: editors respond
 * to recommendations and track follow-up actions; anonymous callers and read-only tokens are
 * refused; every change is kept as history; shared institutions survive deleting an evaluation.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { gql, ROOT, useApi } from '../helpers/api.js';

const EDITOR = 'editor-token-0123456789abcdef';
const READER = 'reader-token-0123456789abcdef';
const api = useApi({ env: { EDITOR_TOKENS: `evaluation-unit:${EDITOR}`, READ_TOKENS: `dashboard:${READER}` } });

const as = (token?: string): Record<string, string> => (token ? { authorization: `Bearer ${token}` } : {});
const call = (query: string, variables: Record<string, unknown> = {}, token?: string) => gql(api.url, query, variables, as(token));

async function recommendation(code: string) {
  const res = await call(`{ project(code: "BO10P0001/CE.0350") { evaluations { recommendations { id code } } } }`, {}, READER);
  return res.data.project.evaluations[0].recommendations.find((r: any) => r.code === code).id as string;
}

describe('access control', () => {
  const mutation = `mutation($id: ID!) { respondToRecommendation(id: $id, response: ACCEPTED) { id } }`;

  it('refuses reads without a token when READ_TOKENS is set, and accepts read and editor tokens', async () => {
    const anonymous = await call(`{ projects { totalCount } }`);
    expect(anonymous.errors?.[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    expect(anonymous.errors?.[0]?.message).toMatch(/reading needs `Authorization: Bearer <token>`/);
    expect((await call(`{ projects { totalCount } }`, {}, READER)).data).toEqual({ projects: { totalCount: 1 } });
    expect((await call(`{ projects { totalCount } }`, {}, EDITOR)).data).toEqual({ projects: { totalCount: 1 } });
    expect((await call(`{ projects { totalCount } }`, {}, 'not-a-known-token-at-all')).errors?.[0]?.message).toBe('the bearer token is not valid');
  });

  it('refuses an anonymous mutation, a wrong token and a read token; accepts an editor token', async () => {
    const id = await recommendation('A');
    const anonymous = await call(mutation, { id });
    expect(anonymous.errors?.[0]).toMatchObject({ message: expect.stringMatching(/mutations need `Authorization: Bearer <token>` with an editor token/), extensions: { code: 'UNAUTHENTICATED' } });
    expect(anonymous.data ?? null).toBeNull();
    const wrong = await call(mutation, { id }, `${EDITOR}x`);
    expect(wrong.errors?.[0]).toMatchObject({ message: 'the bearer token is not valid', extensions: { code: 'UNAUTHENTICATED' } });
    const reader = await call(mutation, { id }, READER);
    expect(reader.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    // Nothing was written by the refused calls.
    const before = await call(`query($id: ID!) { node(id: $id) { ... on Recommendation { followUp { response history { action } } } } }`, { id }, READER);
    expect(before.data.node.followUp).toEqual({ response: null, history: [] });
    const editor = await call(mutation, { id }, EDITOR);
    expect(editor.errors).toBeUndefined();
    expect(editor.data.respondToRecommendation.id).toBe(id);
  });

  it('never writes a token to the log', () => {
    expect(api.output()).not.toContain(EDITOR);
    expect(api.output()).not.toContain(READER);
  });
});

describe('recommendation follow-up', () => {
  it('goes from a response through an overdue action to completion, keeping who did what when', async () => {
    const id = await recommendation('D');
    const ine = (await call(`{ organization(acronym: "IOM Bolivia") { id } byName: organization(name: "IOM Bolivia") { id } }`, {}, READER)).data.byName.id;

    const responded = await call(`mutation($id: ID!) { respondToRecommendation(id: $id, response: PARTIALLY_ACCEPTED, text: "Meeting notes will be kept; PRIMA uploads only for new projects.") { followUp { response responseText status } } }`, { id }, EDITOR);
    expect(responded.data.respondToRecommendation.followUp).toEqual({ response: 'PARTIALLY_ACCEPTED', responseText: 'Meeting notes will be kept; PRIMA uploads only for new projects.', status: 'NOT_STARTED' });

    const added = await call(
      `mutation($rec: ID!, $org: ID!) { addFollowUpAction(recommendationId: $rec, description: "Adopt a meeting-notes template", responsible: $org, dueDate: "2020-01-31") { id status dueDate responsible { name } recommendation { code } } }`,
      { rec: id, org: ine },
      EDITOR,
    );
    const action = added.data.addFollowUpAction;
    expect(action).toMatchObject({ status: 'NOT_STARTED', dueDate: '2020-01-31', responsible: { name: 'IOM Bolivia' }, recommendation: { code: 'D' } });

    const status = async () => (await call(`query($id: ID!) { node(id: $id) { ... on Recommendation { followUp { status actions { status } } } } }`, { id }, READER)).data.node.followUp;
    expect(await status()).toEqual({ status: 'OVERDUE', actions: [{ status: 'NOT_STARTED' }] }); // open and past its due date
    const overdue = await call(`{ recommendations(where: { followUpStatus: OVERDUE }) { edges { node { code } } } }`, {}, READER);
    expect(overdue.data.recommendations.edges).toEqual([{ node: { code: 'D' } }]);

    await call(`mutation($id: ID!) { updateFollowUpAction(id: $id, status: INITIATED) { status } }`, { id: action.id }, EDITOR);
    expect((await status()).status).toBe('OVERDUE'); // still open and late
    const done = await call(`mutation($id: ID!) { updateFollowUpAction(id: $id, status: COMPLETED, note: "Template in use since March") { status note } }`, { id: action.id }, EDITOR);
    expect(done.data.updateFollowUpAction).toEqual({ status: 'COMPLETED', note: 'Template in use since March' });
    expect(await status()).toEqual({ status: 'COMPLETED', actions: [{ status: 'COMPLETED' }] });

    await call(`mutation($rec: ID!, $org: ID!) { addFollowUpAction(recommendationId: $rec, description: "Upload the notes of 2021 to PRIMA", responsible: $org, dueDate: "2999-12-31") { id } }`, { rec: id, org: ine }, EDITOR);
    expect((await status()).status).toBe('INITIATED'); // one done, one not yet due

    const { data } = await call(`query($id: ID!) { node(id: $id) { ... on Recommendation { followUp { history { actor action details at } } } } }`, { id }, READER);
    const history = data.node.followUp.history;
    expect(history.map((h: any) => [h.actor, h.action])).toEqual([
      ['evaluation-unit', 'RESPONDED'],
      ['evaluation-unit', 'ACTION_ADDED'],
      ['evaluation-unit', 'ACTION_UPDATED'],
      ['evaluation-unit', 'ACTION_UPDATED'],
      ['evaluation-unit', 'ACTION_ADDED'],
    ]);
    expect(history[3].details).toBe('Action "Adopt a meeting-notes template": INITIATED -> COMPLETED (Template in use since March)');
    expect(history.map((h: any) => h.at)).toEqual([...history.map((h: any) => h.at)].sort());
  });

  it('refuses bad follow-up input with the argument named', async () => {
    const id = await recommendation('A');
    const badDate = await call(`mutation($id: ID!) { addFollowUpAction(recommendationId: $id, description: "x", responsible: $id, dueDate: "31/01/2020") { id } }`, { id }, EDITOR);
    expect(badDate.errors?.[0]?.message).toMatch(/Date must be a calendar date written YYYY-MM-DD/);
    const wrongKind = await call(`mutation($id: ID!) { addFollowUpAction(recommendationId: $id, description: "x", responsible: $id) { id } }`, { id }, EDITOR);
    expect(wrongKind.errors?.[0]).toMatchObject({ message: expect.stringMatching(/is the id of a Recommendation, expected Organization/), extensions: { code: 'BAD_USER_INPUT', argument: 'responsible' } });
  });
});

describe('upsertEvaluation and deleteEvaluation', () => {
  it('creates, updates exactly, and deletes an evaluation, leaving shared institutions in place', async () => {
    const record = parse(await readFile(path.join(ROOT, 'tests/fixtures/corpus/bo-migration-statistics.yaml'), 'utf8'));
    const upsert = `mutation($record: JSONObject!) { upsertEvaluation(record: $record) { created evaluation { id project { code partners { organization { acronym } } } recommendations { code } } } }`;
    const first = await call(upsert, { record }, EDITOR);
    expect(first.errors).toBeUndefined();
    expect(first.data.upsertEvaluation.created).toBe(true);
    const evaluation = first.data.upsertEvaluation.evaluation;
    expect(evaluation.project.code).toBe('BO10P0005');

    // Re-sent with one recommendation and one partner fewer: the graph follows exactly.
    const trimmed = { ...record, evaluation: { ...record.evaluation, recommendations: record.evaluation.recommendations.slice(1) }, project: { ...record.project, partners: record.project.partners.slice(0, 1) } };
    const second = await call(upsert, { record: trimmed }, EDITOR);
    expect(second.data.upsertEvaluation.created).toBe(false);
    expect(second.data.upsertEvaluation.evaluation.recommendations.map((r: any) => r.code)).toEqual(record.evaluation.recommendations.slice(1).map((r: any) => r.code));
    expect(second.data.upsertEvaluation.evaluation.project.partners).toHaveLength(1);

    const invalid = await call(upsert, { record: { ...record, project: { ...record.project, startDate: '2019-13-01' } } }, EDITOR);
    expect(invalid.errors?.[0]).toMatchObject({ message: expect.stringMatching(/invalid evaluation record: project.startDate: is not a real calendar date/), extensions: { code: 'BAD_USER_INPUT' } });

    const deleted = await call(`mutation($id: ID!) { deleteEvaluation(id: $id) { id nodesDeleted } }`, { id: evaluation.id }, EDITOR);
    expect(deleted.data.deleteEvaluation.nodesDeleted).toBeGreaterThan(5);
    const after = await call(`{ projects { totalCount } ine: organization(acronym: "INE") { partnerships { project { code } } } umsa: organization(acronym: "UMSA") { name } }`, {}, READER);
    expect(after.data.projects.totalCount).toBe(1);
    expect(after.data.ine.partnerships).toEqual([{ project: { code: 'BO10P0001/CE.0350' } }]);
    expect(after.data.umsa.name).toBe('Higher University of San Andrés');
  });
});
