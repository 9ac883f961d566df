/** Loading and error states, said plainly. */
import type { RequestError } from '../api';

export function Loading({ what = 'Loading' }: { what?: string }) {
  return (
    <p className="loading" role="status">
      {what}…
    </p>
  );
}

export function ErrorBox({ error }: { error: RequestError | Error }) {
  const code = 'code' in error ? (error as RequestError).code : undefined;
  return (
    <div className="error" role="alert">
      <strong>{code === 'UNAUTHENTICATED' ? 'A token is needed' : code === 'FORBIDDEN' ? 'Not allowed' : 'Something went wrong'}:</strong> {error.message}
      {code === 'UNAUTHENTICATED' ? <p>Paste a token with the “Token” button at the top of the page.</p> : null}
    </div>
  );
}

export function NotFound({ what }: { what: string }) {
  return (
    <div className="error" role="alert">
      No {what} has this address. <a href="#/search">Search</a> for it instead.
    </div>
  );
}
