/** Pick an organisation by typing part of its name or acronym ("did you mean" when nothing matches). */
import { useEffect, useState } from 'react';
import { graphql } from '../../gql';
import { useQuery } from '../api';
import { orgName } from '../format';

const FindOrganizationsDocument = graphql(`
  query FindOrganizations($text: String!, $skipSuggestions: Boolean!) {
    organizations(first: 8, where: { text: $text }, orderBy: { field: NAME, direction: ASC }) {
      totalCount
      edges { node { id name acronym country } }
    }
    suggestions(text: $text, kinds: [ORGANIZATION], first: 5) @skip(if: $skipSuggestions) {
      label
      node { __typename id ... on Organization { name acronym } }
    }
  }
`);

export interface PickedOrganization {
  readonly id: string;
  readonly name: string;
  readonly acronym?: string | null;
}

export function OrganizationPicker(props: { label: string; onPick: (org: PickedOrganization) => void; exclude?: string; placeholder?: string }) {
  const [text, setText] = useState('');
  const [debounced, setDebounced] = useState('');
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(text.trim()), 200);
    return () => clearTimeout(timer);
  }, [text]);
  const { data } = useQuery(FindOrganizationsDocument, { text: debounced, skipSuggestions: debounced.length < 3 }, { skip: debounced.length < 2 });
  const found = (data?.organizations.edges.map((e) => e.node) ?? []).filter((o) => o.id !== props.exclude);
  const suggested = data && !found.length ? data.suggestions?.map((s) => ({ id: s.node.id, name: s.node.__typename === 'Organization' ? s.node.name : s.label, acronym: s.node.__typename === 'Organization' ? s.node.acronym : null })) ?? [] : [];
  const pick = (org: PickedOrganization) => {
    setOpen(false);
    setText(orgName(org));
    props.onPick(org);
  };
  return (
    <div className="picker">
      <label>
        <span>{props.label}</span>
        <input
          type="search"
          value={text}
          placeholder={props.placeholder ?? 'Name or acronym'}
          onChange={(e) => {
            setText(e.target.value);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          aria-autocomplete="list"
        />
      </label>
      {open && debounced.length >= 2 && data ? (
        <ul className="picker-options" role="listbox">
          {found.map((o) => (
            <li key={o.id} role="option" aria-selected={false}>
              <button type="button" onClick={() => pick(o)}>
                {orgName(o)}
                {o.country ? <span className="muted"> · {o.country}</span> : null}
              </button>
            </li>
          ))}
          {!found.length && suggested.length ? <li className="muted">No organisation is called that. Did you mean:</li> : null}
          {suggested.map((o) => (
            <li key={o.id} role="option" aria-selected={false}>
              <button type="button" onClick={() => pick(o)}>
                {orgName(o)}
              </button>
            </li>
          ))}
          {!found.length && !suggested.length ? <li className="muted">No organisation matches.</li> : null}
        </ul>
      ) : null}
    </div>
  );
}
