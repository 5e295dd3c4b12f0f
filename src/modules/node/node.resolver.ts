import { Arg, Authorized, Ctx, ID, Query, Resolver } from 'type-graphql';
import { RequestContext } from '../../core/context';
import { Node } from '../../core/node';
import { nodeService } from './node.service';

@Resolver()
export class NodeResolver {
  @Authorized()
  @Query(() => Node, { nullable: true, description: 'Any object by its global id; null when you may not see it' })
  node(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Node | null> {
    return nodeService.find(ctx, id);
  }
}
