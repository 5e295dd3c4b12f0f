import { RequestContext } from '../../core/context';
import { ForbiddenError, NotFoundError } from '../../core/errors';
import { parseGlobalId } from '../../core/ids';
import { Node } from '../../core/node';
import { NODE_FETCHERS } from '../registry';

export class NodeService {
  /** The node behind a global id, or null when it does not exist or is hidden from the caller. */
  async find(ctx: RequestContext, globalId: string): Promise<Node | null> {
    const parsed = parseGlobalId(globalId);
    const fetch = parsed && NODE_FETCHERS[parsed.type];
    if (!parsed || !fetch) return null;
    try {
      return await fetch(ctx, parsed.id);
    } catch (e) {
      if (e instanceof NotFoundError || e instanceof ForbiddenError) return null;
      throw e;
    }
  }
}

export const nodeService = new NodeService();
