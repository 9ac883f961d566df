/**
 * Client-side routing in the URL's hash (`#/organization/<id>`), so every page has an address
 * to share and the server needs to answer nothing but `/`.
 */
import { useSyncExternalStore } from 'react';

export interface Route {
  /** The path's segments: `['organization', '<id>']`; `[]` for the overview. */
  readonly segments: readonly string[];
  readonly params: URLSearchParams;
}

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#/, '');
  const [path = '', query = ''] = raw.split('?', 2) as [string, string?];
  return { segments: path.split('/').filter(Boolean).map(decodeURIComponent), params: new URLSearchParams(query) };
}

const subscribe = (listener: () => void) => {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
};

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseHash(hash);
}

/** The address of a page: `href('organization', id)`, with query parameters. */
export function href(...parts: (string | Record<string, string | readonly string[] | undefined>)[]): string {
  const segments = parts.filter((p): p is string => typeof p === 'string').map(encodeURIComponent);
  const params = new URLSearchParams();
  for (const p of parts) {
    if (typeof p === 'string') continue;
    for (const [key, value] of Object.entries(p)) {
      if (value === undefined) continue;
      for (const v of typeof value === 'string' ? [value] : value) if (v !== '') params.append(key, v);
    }
  }
  const query = params.toString();
  return `#/${segments.join('/')}${query ? `?${query}` : ''}`;
}

export function navigate(to: string): void {
  window.location.hash = to.replace(/^#/, '');
}

/** The page of a node, by its GraphQL type name. */
export function pageOf(typename: string | undefined, id: string): string | undefined {
  const page = { Evaluation: 'evaluation', Organization: 'organization', Project: 'project', Recommendation: 'recommendation' }[typename ?? ''];
  return page ? href(page, id) : undefined;
}
