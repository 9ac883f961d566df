/**
 * The README's token recipe: EDITOR_TOKENS alone restricts writing, never reading. Anyone may
 * read (the explorer included); a mutation needs the editor's token.
 */
import { describe, expect, it } from 'vitest';
import { gql, useApi } from '../helpers/api.js';

const EDITOR = 'f3a9c0d2e1b4a5968778695a4b3c2d1e0f9a8b7c6d5e4f30';
const api = useApi({ env: { EDITOR_TOKENS: `evaluation-unit:${EDITOR}` } });

describe('EDITOR_TOKENS without READ_TOKENS', () => {
  it('leaves reads open to anyone, with or without a token', async () => {
    expect((await gql(api.url, `{ projects { totalCount } }`)).data).toEqual({ projects: { totalCount: 1 } });
    expect((await gql(api.url, `{ projects { totalCount } }`, {}, { authorization: `Bearer ${EDITOR}` })).data).toEqual({ projects: { totalCount: 1 } });
  });

  it('lets the editor write and no one else', async () => {
    const { data } = await gql(api.url, `{ recommendations(first: 1) { edges { node { id } } } }`);
    const id = data.recommendations.edges[0].node.id;
    const mutation = `mutation($id: ID!) { respondToRecommendation(id: $id, response: ACCEPTED) { followUp { response history { actor } } } }`;
    expect((await gql(api.url, mutation, { id })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const editor = await gql(api.url, mutation, { id }, { authorization: `Bearer ${EDITOR}` });
    expect(editor.errors).toBeUndefined();
    expect(editor.data.respondToRecommendation.followUp).toEqual({ response: 'ACCEPTED', history: [{ actor: 'evaluation-unit' }] });
  });
});
