import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { GraphNode } from '../../domain/model.js';
import { normaliseKey } from '../../domain/text.js';
import { connectionOf, paginate } from '../connection.js';
import type { GraphContext } from '../context.js';
import { OrganizationOrdering } from '../types/ordering.js';
import { userError } from '../errors.js';
import { fromGlobalId } from '../globalId.js';
import { Organization, Partnership, Person, Project, SourceDocument } from '../types/entities.js';
import { OrganizationsArgs } from '../types/inputs.js';
import { andThen, idsFilter, neighbours, relatedList, relatedOne, type MaybePromise } from './related.js';
import { organizationFilter } from '../../services/filters.js';
import { canonicalRole } from '../types/stakeholders.js';

export const OrganizationConnection = connectionOf(Organization, 'Organization');

@Resolver(() => Organization)
export class OrganizationResolver {
  @Query(() => OrganizationConnection, { description: 'Organisations, ordered by id, filtered by `where`.' })
  async organizations(@Args(() => OrganizationsArgs) args: OrganizationsArgs, @Ctx() ctx: GraphContext) {
    const where = args.where ?? {};
    return paginate<Organization>(ctx.store, 'Organization', args, {
      orderBy: OrganizationOrdering.toListOrder(args.orderBy),
      filter: organizationFilter({ ...where, role: where.role ? canonicalRole(where.role) : undefined, ids: idsFilter(where.ids, 'Organization') }),
    });
  }

  @Query(() => Organization, { nullable: true, description: 'One organisation by global id, acronym, or name (English, local or alias); null when there is none.' })
  async organization(
    @Arg('id', () => ID, { nullable: true, description: 'Global id of the organisation.' }) id: string | null,
    @Arg('acronym', () => String, { nullable: true, description: 'Acronym, e.g. "UDAPE" (case-insensitive).' }) acronym: string | null,
    @Arg('name', () => String, { nullable: true, description: 'Name in English or the local language, or an alias (case- and accent-insensitive).' }) name: string | null,
    @Arg('country', () => String, { nullable: true, description: 'With acronym or name: the country of a national body (ISO code or name), where two countries have bodies of one name (INE of Bolivia, INE of Paraguay).' }) country: string | null,
    @Ctx() ctx: GraphContext,
  ) {
    if ([id, acronym, name].filter(Boolean).length !== 1) throw userError('organization() takes exactly one of id, acronym or name');
    if (id) {
      const node = await ctx.loaders.node.load(fromGlobalId(id, ['Organization']).nodeId);
      return node ? Organization.from(node) : null;
    }
    const key = normaliseKey((acronym ?? name)!);
    const [[matches = []], [countries = []]] = await Promise.all([ctx.store.findByKeys('Organization', [key]), country ? ctx.store.findByKeys('Country', [normaliseKey(country)]) : [[]]]);
    const codes = new Set(countries.map((c) => c.props.isoCode).filter(Boolean));
    const isAcronym = (n: GraphNode) => typeof n.props.acronym === 'string' && normaliseKey(n.props.acronym) === key;
    const inCountry = (n: GraphNode) => !country || codes.has(n.props.country as string) || normaliseKey(String(n.props.country ?? '')) === normaliseKey(country);
    const found = matches.filter((n) => (!acronym || isAcronym(n)) && inCountry(n));
    return found[0] ? Organization.from(found[0]) : null;
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'The body this organisation belongs to or is linked to (UDAPE -> MPD, IDIS -> UMSA).' })
  parent(@Root() o: Organization, @Ctx() ctx: GraphContext) {
    return relatedOne(ctx, o.nodeId, 'PART_OF', 'out', Organization);
  }

  @FieldResolver(() => String, { nullable: true, description: 'How it relates to its parent, in the words of the source, e.g. "decentralized unit linked to".' })
  parentRelation(@Root() o: Organization, @Ctx() ctx: GraphContext) {
    return andThen(neighbours(ctx, o.nodeId, 'PART_OF', 'out'), ([first]) => (first?.edge.props.relation as string | undefined) ?? null);
  }

  @FieldResolver(() => [Organization], { description: 'Units that belong to or are linked to this organisation.' })
  units(@Root() o: Organization, @Ctx() ctx: GraphContext) {
    return relatedList(ctx, o.nodeId, 'PART_OF', 'in', Organization);
  }

  @FieldResolver(() => [Partnership], { description: 'Projects this organisation partnered on, with its role.' })
  partnerships(@Root() o: Organization, @Ctx() ctx: GraphContext): MaybePromise<Partnership[]> {
    return andThen(neighbours(ctx, o.nodeId, 'PARTNERED_WITH', 'in'), (found) => found.map((n) => Object.assign(new Partnership(), { organization: o, project: Project.from(n.node), lead: n.edge.props.lead === true, role: (n.edge.props.role as string | undefined) ?? null })));
  }

  @FieldResolver(() => [Person], { description: 'People named in the documents as working for it.' })
  people(@Root() o: Organization, @Ctx() ctx: GraphContext) {
    return relatedList(ctx, o.nodeId, 'WORKS_FOR', 'in', Person);
  }

  @FieldResolver(() => [SourceDocument], { description: 'Documents that mention the organisation.' })
  sources(@Root() o: Organization, @Ctx() ctx: GraphContext) {
    return relatedList(ctx, o.nodeId, 'SOURCED_FROM', 'out', SourceDocument);
  }
}

@Resolver(() => Person)
export class PersonResolver {
  @FieldResolver(() => Organization, { nullable: true, description: 'The organisation the person works for.' })
  organization(@Root() p: Person, @Ctx() ctx: GraphContext) {
    return relatedOne(ctx, p.nodeId, 'WORKS_FOR', 'out', Organization);
  }
}
