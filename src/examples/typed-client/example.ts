/**
 * The typed client example at work: `npx tsx src/examples/typed-client/example.ts [url]`
 * prints a project's partners and the first recommendations about "future projects", against a
 * running API (default http://localhost:4000/graphql).
 */
import { createClient } from './client.js';
import { ProjectPartnersDocument, RecommendationsPageDocument } from './generated.js';

const client = createClient(process.argv[2] ?? 'http://localhost:4000/graphql', { persisted: true });

const { project } = await client.request(ProjectPartnersDocument, { code: 'BO10P0001/CE.0350' });
if (project) {
  console.log(`${project.title} (${project.startDate ?? '?'} to ${project.endDate ?? '?'})`);
  for (const partner of project.partners) {
    const parent = partner.organization.parent ? `, part of ${partner.organization.parent.name}` : '';
    console.log(`  ${partner.lead ? 'lead ' : ''}${partner.organization.acronym ?? partner.organization.name} (${partner.organization.kind}${parent})`);
  }
}

const { recommendations } = await client.request(RecommendationsPageDocument, { first: 3, text: 'future projects' });
console.log(`${recommendations.totalCount} recommendations mention "future projects"; the first ${recommendations.edges.length}:`);
for (const { node } of recommendations.edges) console.log(`  ${node.code} [${node.theme?.name ?? 'no theme'}] ${node.text}`);
