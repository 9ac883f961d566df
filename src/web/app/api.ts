/**
 * The explorer's only way to the data: GraphQL over HTTP to this origin's /graphql, with
 * documents typed by GraphQL Code Generator (src/web/gql, from schema.graphql). A bearer token
 * the user pasted (kept for the browser session) goes along as `Authorization: Bearer`.
 */
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { TypedDocumentString } from '../gql/graphql';

export const ENDPOINT = '/graphql';

export interface ApiError {
  readonly message: string;
  readonly extensions?: { readonly code?: string; readonly [key: string]: unknown };
}

/** The server answered with errors (or not at all). */
export class RequestError extends Error {
  override name = 'RequestError';
  constructor(readonly errors: readonly ApiError[]) {
    super(errors.map((e) => e.message).join('; '));
  }
  get code(): string | undefined {
    return this.errors[0]?.extensions?.code;
  }
}

// ---- the token, shared by every page (sessionStorage: gone when the browser session ends)

const TOKEN_KEY = 'explorer.token';
const listeners = new Set<() => void>();

export function getToken(): string {
  try {
    return sessionStorage.getItem(TOKEN_KEY) ?? '';
  } catch {
    return '';
  }
}

export function setToken(token: string): void {
  try {
    if (token) sessionStorage.setItem(TOKEN_KEY, token.trim());
    else sessionStorage.removeItem(TOKEN_KEY);
  } catch {
    // storage refused (private mode): the token lives for this page only
  }
  listeners.forEach((l) => l());
}

export function useToken(): string {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getToken,
  );
}

// ---- requests

export async function request<Result, Variables>(document: TypedDocumentString<Result, Variables>, variables: Variables, signal?: AbortSignal): Promise<Result> {
  const token = getToken();
  let response: Response;
  try {
    response = await fetch(ENDPOINT, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query: document.toString(), variables }),
      signal,
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new RequestError([{ message: `The API did not answer (${(error as Error).message}).` }]);
  }
  let body: { data?: Result | null; errors?: ApiError[] };
  try {
    body = (await response.json()) as typeof body;
  } catch {
    throw new RequestError([{ message: `The API answered ${response.status} ${response.statusText} without a GraphQL response.` }]);
  }
  if (body.errors?.length) throw new RequestError(body.errors);
  if (!body.data) throw new RequestError([{ message: 'The API answered without data.' }]);
  return body.data;
}

export interface QueryState<Result> {
  readonly data: Result | undefined;
  readonly error: RequestError | undefined;
  readonly loading: boolean;
  /** Ask again (after a change). */
  readonly reload: () => void;
}

/** Run a query when the component shows and whenever its variables change (`skip`: not yet). */
export function useQuery<Result, Variables>(document: TypedDocumentString<Result, Variables>, variables: Variables, options: { skip?: boolean } = {}): QueryState<Result> {
  const key = JSON.stringify(variables);
  const [state, setState] = useState<{ key: string; data?: Result; error?: RequestError; loading: boolean }>({ key, loading: !options.skip });
  const [generation, setGeneration] = useState(0);
  const token = useToken();
  const latest = useRef(variables);
  latest.current = variables;

  useEffect(() => {
    if (options.skip) return;
    const controller = new AbortController();
    setState((s) => ({ key, data: s.key === key ? s.data : undefined, loading: true }));
    request(document, latest.current, controller.signal).then(
      (data) => setState({ key, data, loading: false }),
      (error: unknown) => {
        if ((error as Error).name === 'AbortError') return;
        setState({ key, loading: false, error: error instanceof RequestError ? error : new RequestError([{ message: String(error) }]) });
      },
    );
    return () => controller.abort();
  }, [document, key, generation, options.skip, token]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const current = state.key === key;
  return { data: current ? state.data : undefined, error: current ? state.error : undefined, loading: !options.skip && (!current || state.loading), reload };
}
