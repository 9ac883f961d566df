/**
 * Opaque global ids: the base64url of the internal node id (`<prefix>:<key>`). Clients must
 * treat them as opaque; `node(id:)` and every `id` argument accept them.
 */
import { labelOfId, type Label } from '../domain/model.js';
import { userError } from './errors.js';

export function toGlobalId(nodeId: string): string {
  return Buffer.from(nodeId, 'utf8').toString('base64url');
}

/** Decode a global id, checking it names a node of one of the expected labels. */
export function fromGlobalId(globalId: string, expected?: readonly Label[], argument = 'id'): { nodeId: string; label: Label } {
  const nodeId = /^[A-Za-z0-9_-]+$/.test(globalId) ? Buffer.from(globalId, 'base64url').toString('utf8') : '';
  const label = labelOfId(nodeId);
  if (!label || toGlobalId(nodeId) !== globalId) {
    throw userError(`"${globalId}" is not a valid id (use the opaque id a query returned)`, argument);
  }
  if (expected && !expected.includes(label)) {
    throw userError(`"${globalId}" is the id of a ${label}, expected ${expected.join(' or ')}`, argument);
  }
  return { nodeId, label };
}
