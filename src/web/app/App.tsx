/** The explorer: a header to search from, and the page the address names. */
import { useEffect, useState, type FormEvent } from 'react';
import { setToken, useToken } from './api';
import { EvaluationPage } from './pages/Evaluation';
import { OrganizationPage } from './pages/Organization';
import { OverviewPage } from './pages/Overview';
import { ProjectPage } from './pages/Project';
import { RecommendationPage } from './pages/Recommendation';
import { SearchPage } from './pages/Search';
import { href, navigate, useRoute } from './router';

function TokenButton() {
  const token = useToken();
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState('');
  if (token)
    return (
      <button type="button" className="header-button" onClick={() => setToken('')} title="Forget the token pasted for this session">
        Token in use · forget
      </button>
    );
  if (!open)
    return (
      <button type="button" className="header-button" onClick={() => setOpen(true)} title="Paste a read or editor token">
        Token
      </button>
    );
  return (
    <form
      className="header-token"
      onSubmit={(e) => {
        e.preventDefault();
        setToken(draft);
        setOpen(false);
      }}
    >
      <input type="password" autoFocus value={draft} onChange={(e) => setDraft(e.target.value)} placeholder="paste a token" aria-label="Token" autoComplete="off" />
      <button type="submit">Use</button>
    </form>
  );
}

function Header() {
  const [text, setText] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    navigate(href('search', { q: text.trim() }));
    setText('');
  };
  return (
    <header className="site-header">
      <a className="brand" href="#/">
        Migration evaluation explorer
      </a>
      <nav>
        <a href="#/">Overview</a>
        <a href="#/search">Search</a>
        <a href="/graphql" title="Write your own GraphQL queries">GraphQL IDE</a>
      </nav>
      <form onSubmit={submit} role="search" className="header-search">
        <input type="search" value={text} onChange={(e) => setText(e.target.value)} placeholder="Search evaluations, organisations…" aria-label="Search" />
      </form>
      <TokenButton />
    </header>
  );
}

function Page() {
  const route = useRoute();
  const [page, id] = route.segments;
  // A new page starts at its top.
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [page, id]);
  switch (page) {
    case undefined:
      return <OverviewPage />;
    case 'search':
      return <SearchPage route={route} />;
    case 'evaluation':
      return id ? <EvaluationPage key={id} id={id} /> : null;
    case 'organization':
      return id ? <OrganizationPage key={id} id={id} /> : null;
    case 'project':
      return id ? <ProjectPage key={id} id={id} /> : null;
    case 'recommendation':
      return id ? <RecommendationPage key={id} id={id} /> : null;
    default:
      return (
        <div className="error" role="alert">
          There is no page “{route.segments.join('/')}”. Start from the <a href="#/">overview</a>.
        </div>
      );
  }
}

export function App() {
  return (
    <>
      <Header />
      <main>
        <Page />
      </main>
      <footer className="site-footer">
        Built on the GraphQL API only: every page is a query you can also send yourself (<a href="/graphql">GraphQL IDE</a>).
      </footer>
    </>
  );
}
