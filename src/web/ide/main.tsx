/**
 * The GraphQL IDE at /graphql (for browsers): GraphiQL 5, bundled with its editor and workers,
 * so it works offline and in production. Its tabs open with the README's example queries.
 */
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import { GraphiQL } from 'graphiql';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

interface FetcherParams {
  readonly query: string;
  readonly operationName?: string | null;
  readonly variables?: unknown;
}

/** POST to this origin's /graphql, with the headers typed in the IDE's headers editor. */
async function fetcher(params: FetcherParams, options?: { headers?: Record<string, unknown> }): Promise<unknown> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' };
  for (const [key, value] of Object.entries(options?.headers ?? {})) if (typeof value === 'string') headers[key] = value;
  const response = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify(params) });
  return response.json();
}

const tabs = __README_EXAMPLES__.map((example) => ({ query: example.query }));
// A link to /graphql?query=... opens with that query (and its variables) in the editor.
const params = new URLSearchParams(window.location.search);
const initialQuery = params.get('query') ?? undefined;
const initialVariables = params.get('variables') ?? undefined;

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <GraphiQL fetcher={fetcher as never} defaultTabs={tabs} initialQuery={initialQuery} initialVariables={initialVariables} defaultEditorToolsVisibility={Boolean(initialVariables)} />
  </StrictMode>,
);
