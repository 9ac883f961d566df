import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { GraphContext } from '../context.js';
import { fromGlobalId } from '../globalId.js';
import { fromNode, Node } from '../types/entities.js';

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: 'Any object by its global id; null when there is none.' })
  async node(@Arg('id', () => ID, { description: 'Global id of the object.' }) id: string, @Ctx() ctx: GraphContext) {
    const node = await ctx.loaders.node.load(fromGlobalId(id).nodeId);
    return node ? fromNode(node) : null;
  }
}
