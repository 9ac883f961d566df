/**
 * An organisation: its names and parent bodies, every role it plays, who it works with, an
 * interactive drawing of its neighbourhood, and how it is connected to another organisation.
 */
import { useMemo, useState } from 'react';
import { graphql } from '../../gql';
import type { OrganizationNetworkQuery, StakeholderPathsQuery } from '../../gql/graphql';
import { useQuery } from '../api';
import { DataTable } from '../components/DataTable';
import { colourOf, NetworkDrawing, type NetworkEdge, type NetworkNode } from '../components/Network';
import { OrganizationPicker, type PickedOrganization } from '../components/OrganizationPicker';
import { ErrorBox, Loading, NotFound } from '../components/Status';
import { list, orgName, projectName, shorten, words } from '../format';
import { href, navigate, pageOf } from '../router';

const OrganizationDocument = graphql(`
  query OrganizationPage($id: ID!) {
    organization(id: $id) {
      id name acronym localName aliases kind country parentRelation
      parent { id name acronym parent { id name acronym parent { id name acronym } } }
      units { id name acronym }
      roles {
        role lead
        project { id code title }
        evaluation { id title year }
        recommendation { id code }
        person { name }
        organization { id name acronym }
      }
      collaborators(first: 25) {
        organization { id name acronym kind }
        sharedProjectCount
        projects { project { id code title } roles theirRoles }
      }
    }
  }
`);

const NetworkDocument = graphql(`
  query OrganizationNetwork($id: ID!, $depth: Int!, $maxNodes: Int!) {
    stakeholderNetwork(organizationId: $id, depth: $depth, maxNodes: $maxNodes) {
      nodeCap truncated omittedNodes
      nodes {
        id label name kind hop
        node { __typename ... on Project { code title } ... on Organization { name acronym } }
      }
      edges { source target type properties { roles lead } }
    }
  }
`);

const PathsDocument = graphql(`
  query StakeholderPaths($from: ID!, $to: ID!, $maxHops: Int!) {
    stakeholderPaths(from: $from, to: $to, maxHops: $maxHops, first: 5) {
      length
      nodes { id label name kind node { __typename ... on Project { code title } ... on Organization { name acronym } } }
      edges { type properties { roles lead } }
    }
  }
`);

/** Shared projects listed per collaborator (the count says how many there are). */
const SHARED_SHOWN = 4;

type NetNode = OrganizationNetworkQuery['stakeholderNetwork']['nodes'][number] | StakeholderPathsQuery['stakeholderPaths'][number]['nodes'][number];

/** Organisations by acronym (or short name), projects by title. */
function caption(n: NetNode): string {
  if (n.node.__typename === 'Project') return shorten(n.node.title ?? n.node.code ?? n.name, 42);
  if (n.node.__typename === 'Organization') return n.node.acronym ?? shorten(n.node.name, 32);
  return n.name;
}
function fullName(n: NetNode): string {
  if (n.node.__typename === 'Project') return projectName(n.node);
  if (n.node.__typename === 'Organization') return orgName(n.node);
  return n.name;
}

function roleName(role: string, lead?: boolean | null): string {
  return role === 'PARTNER' && lead ? 'Lead partner' : words(role);
}

function Network({ id, name }: { id: string; name: string }) {
  const [depth, setDepth] = useState(2);
  const [maxNodes, setMaxNodes] = useState(80);
  const { data, error, loading } = useQuery(NetworkDocument, { id, depth, maxNodes });
  const network = data?.stakeholderNetwork;
  const nodes = useMemo<NetworkNode[]>(() => (network?.nodes ?? []).map((n) => ({ id: n.id, label: n.label, caption: caption(n), fullName: fullName(n), kind: n.kind, hop: n.hop })), [network]);
  const edges = useMemo<NetworkEdge[]>(() => (network?.edges ?? []).map((e) => ({ source: e.source, target: e.target, type: e.type, lead: e.properties.lead })), [network]);
  const open = (n: NetworkNode) => {
    const target = network?.nodes.find((x) => x.id === n.id);
    const page = pageOf(target?.node.__typename, n.id);
    if (page) navigate(page);
  };
  return (
    <section>
      <h2>Network</h2>
      <div className="network-tools">
        <label>
          Links away{' '}
          <select value={depth} onChange={(e) => setDepth(Number(e.target.value))}>
            {[1, 2, 3].map((d) => <option key={d} value={d}>{d}</option>)}
          </select>
        </label>
        <label>
          At most{' '}
          <select value={maxNodes} onChange={(e) => setMaxNodes(Number(e.target.value))}>
            {[40, 80, 150, 300].map((d) => <option key={d} value={d}>{d}</option>)}
          </select>{' '}
          stakeholders
        </label>
        <span className="muted">Drag a node to move it, scroll to zoom, click a node to open it. Lines join an organisation to the projects it has a role on, and a unit to its parent.</span>
      </div>
      {error ? <ErrorBox error={error} /> : null}
      {loading && !network ? <Loading what="Drawing the network" /> : null}
      {network ? (
        <>
          {network.truncated ? <p className="muted">{network.omittedNodes} more stakeholders are within {depth} links; the nearest {network.nodeCap} are drawn.</p> : null}
          <NetworkDrawing nodes={nodes} edges={edges} onOpen={open} label={`Stakeholders within ${depth} links of ${name}`} />
          <details className="as-table">
            <summary>The {nodes.length} stakeholders drawn, as a table</summary>
            <DataTable
              columns={[
                { header: 'Stakeholder', text: (n: NetworkNode) => n.fullName, href: (n: NetworkNode) => pageOf(n.label, n.id) },
                { header: 'Is', text: (n: NetworkNode) => (n.label === 'Project' ? 'Project' : words(n.kind)) },
                { header: 'Links away', text: (n: NetworkNode) => String(n.hop), className: 'num' },
              ]}
              rows={nodes}
              exportName={`network ${name}`}
              testId="network-nodes"
            />
          </details>
        </>
      ) : null}
    </section>
  );
}

function Paths({ from, name }: { from: string; name: string }) {
  const [to, setTo] = useState<PickedOrganization | null>(null);
  const { data, error, loading } = useQuery(PathsDocument, { from, to: to?.id ?? '', maxHops: 4 }, { skip: !to });
  return (
    <section className="paths">
      <h2>How is it connected to …</h2>
      <OrganizationPicker label={`How is ${name} connected to`} exclude={from} onPick={setTo} placeholder="another organisation: name or acronym" />
      {error ? <ErrorBox error={error} /> : null}
      {to && loading ? <Loading what="Looking for paths" /> : null}
      {to && data ? (
        data.stakeholderPaths.length ? (
          <ol className="path-list" data-paths>
            {data.stakeholderPaths.map((p, i) => (
              <li key={i}>
                <span className="muted">{p.length} link{p.length === 1 ? '' : 's'}:</span>
                <div className="path">
                  {p.nodes.map((n, j) => (
                    <span key={n.id + j} className="path-step">
                      {j > 0 ? <span className="path-edge">— {p.edges[j - 1] ? list(p.edges[j - 1]!.properties.roles.map((r) => roleName(r, p.edges[j - 1]!.properties.lead))) || words(p.edges[j - 1]!.type) : ''} —</span> : null}
                      <a className="path-node" href={pageOf(n.node.__typename, n.id)} style={{ borderColor: colourOf({ label: n.label, kind: n.kind }) }} title={fullName(n)}>
                        {caption(n)}
                      </a>
                    </span>
                  ))}
                </div>
              </li>
            ))}
          </ol>
        ) : (
          <p className="empty">{orgName(to)} is not within 4 links of {name}.</p>
        )
      ) : null}
    </section>
  );
}

export function OrganizationPage({ id }: { id: string }) {
  const { data, error } = useQuery(OrganizationDocument, { id });
  const [allRoles, setAllRoles] = useState(false);
  if (error) return <ErrorBox error={error} />;
  if (!data) return <Loading />;
  const o = data.organization;
  if (!o) return <NotFound what="organisation" />;
  const parents: { id: string; name: string; acronym?: string | null }[] = [];
  for (let p: typeof o.parent | undefined = o.parent; p; p = 'parent' in p ? (p.parent as typeof o.parent) : undefined) parents.push(p);
  type RoleRow = (typeof o.roles)[number];
  const roles = allRoles ? o.roles : o.roles.slice(0, 50);
  return (
    <article className="organization-page">
      <p className="kind">{words(o.kind)}{o.country ? ` · ${o.country}` : ''}</p>
      <h1>
        {o.name}
        {o.acronym && o.acronym !== o.name ? <span className="acronym"> {o.acronym}</span> : null}
      </h1>
      <dl className="facts">
        {o.localName ? (<><dt>Local name</dt><dd>{o.localName}</dd></>) : null}
        {o.aliases.length ? (<><dt>Also known as</dt><dd>{list(o.aliases)}</dd></>) : null}
        {parents.length ? (
          <>
            <dt>Part of</dt>
            <dd>
              {o.parentRelation ? <span className="muted">{o.parentRelation} </span> : null}
              {parents.map((p, i) => (
                <span key={p.id}>
                  {i ? ' › ' : ''}
                  <a href={href('organization', p.id)}>{orgName(p)}</a>
                </span>
              ))}
            </dd>
          </>
        ) : null}
        {o.units.length ? (
          <>
            <dt>Units</dt>
            <dd>
              {o.units.map((u, i) => (
                <span key={u.id}>
                  {i ? ', ' : ''}
                  <a href={href('organization', u.id)}>{orgName(u)}</a>
                </span>
              ))}
            </dd>
          </>
        ) : null}
      </dl>
      <Network id={o.id} name={o.acronym ?? o.name} />
      <Paths from={o.id} name={o.acronym ?? o.name} />
      <section>
        <h2>Roles</h2>
        <DataTable
          columns={[
            { header: 'Role', text: (r: RoleRow) => roleName(r.role, r.lead) },
            { header: 'Project', text: (r: RoleRow) => projectName(r.project), href: (r: RoleRow) => (r.project ? href('project', r.project.id) : undefined) },
            { header: 'Evaluation', text: (r: RoleRow) => r.evaluation?.title ?? '', href: (r: RoleRow) => (r.evaluation ? href('evaluation', r.evaluation.id) : undefined) },
            {
              header: 'Through',
              text: (r: RoleRow) => (r.recommendation ? `Recommendation ${r.recommendation.code}` : r.person ? r.person.name : r.organization ? orgName(r.organization) : ''),
              href: (r: RoleRow) => (r.recommendation ? href('recommendation', r.recommendation.id) : r.organization ? href('organization', r.organization.id) : undefined),
            },
          ]}
          rows={roles}
          caption={o.roles.length > roles.length ? `The first ${roles.length} of ${o.roles.length} roles` : `${o.roles.length} roles`}
          exportName={`roles ${o.acronym ?? o.name}`}
          testId="roles"
          empty="No roles recorded."
        />
        {o.roles.length > 50 ? (
          <button type="button" className="link-button" onClick={() => setAllRoles(!allRoles)}>
            {allRoles ? 'Show the first 50' : `Show all ${o.roles.length}`}
          </button>
        ) : null}
      </section>
      <section>
        <h2>Works with</h2>
        <DataTable
          columns={[
            { header: 'Organisation', text: (c: (typeof o.collaborators)[number]) => orgName(c.organization), href: (c) => href('organization', c.organization.id) },
            { header: 'Shared projects', text: (c) => String(c.sharedProjectCount), className: 'num' },
            {
              header: 'Projects',
              text: (c) =>
                c.projects
                  .slice(0, SHARED_SHOWN)
                  .map((p) => `${projectName(p.project)} (${list(p.roles.map((r) => words(r)))} / ${list(p.theirRoles.map((r) => words(r)))})`)
                  .join('; ') + (c.projects.length > SHARED_SHOWN ? `; and ${c.projects.length - SHARED_SHOWN} more` : ''),
            },
          ]}
          rows={o.collaborators}
          caption="Organisations sharing projects with it, most shared first (its roles / theirs)"
          exportName={`collaborators ${o.acronym ?? o.name}`}
          testId="collaborators"
          empty="It shares no project with another organisation."
        />
      </section>
    </article>
  );
}
