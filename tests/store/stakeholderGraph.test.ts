/**
 * The in-memory stakeholder graph the embedded store walks: a walk stops at its caller's
 * deadline, and what it remembers is forgotten when the graph changes.
 */
import { describe, expect, it } from 'vitest';
import { StakeholderGraph } from '../../src/store/stakeholderGraph.js';

function chain(length: number): StakeholderGraph {
  const graph = new StakeholderGraph();
  for (let i = 0; i < length; i++) {
    graph.setEdge('PARTICIPATES_IN', `organization:o${i}`, `project:p${i}`, { roles: ['PARTNER'], lead: false }, [{ label: 'Organization' }, { label: 'Project' }]);
    graph.setEdge('PARTICIPATES_IN', `organization:o${i + 1}`, `project:p${i}`, { roles: ['IMPLEMENTER'], lead: false }, [{ label: 'Organization' }, { label: 'Project' }]);
  }
  return graph;
}

describe('the stakeholder graph', () => {
  it('stops a walk whose signal is aborted, and answers the next caller afresh', async () => {
    const graph = chain(3);
    const controller = new AbortController();
    controller.abort();
    await expect(graph.neighbourhood('organization:o0', 4, 100, undefined, { signal: controller.signal })).rejects.toThrow(/the walk was stopped: the request ran out of time/);
    await expect(graph.paths('organization:o0', 'organization:o3', 6, 1, { signal: controller.signal })).rejects.toThrow(/ran out of time/);
    const around = await graph.neighbourhood('organization:o0', 4, 100, undefined);
    expect(around.nodes.map((n) => `${n.hop} ${n.id}`)).toEqual(['0 organization:o0', '1 project:p0', '2 organization:o1', '3 project:p1', '4 organization:o2']);
    expect((await graph.paths('organization:o0', 'organization:o3', 6, 1))[0]!.nodes).toHaveLength(7);
  });

  it('answers from what it remembers until the graph changes', async () => {
    const graph = chain(2);
    const first = await graph.collaborators('organization:o1');
    expect(await graph.collaborators('organization:o1')).toBe(first);
    graph.dropEdge('PARTICIPATES_IN', 'organization:o0', 'project:p0');
    const after = await graph.collaborators('organization:o1');
    expect(after.map((c) => c.id)).toEqual(['organization:o2']);
    expect(first.map((c) => c.id)).toEqual(['organization:o0', 'organization:o2']);
  });
});
