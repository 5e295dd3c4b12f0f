import { defineModule } from '../../core/module';
import { ResearchGroup, ResearchGroupMember } from './research-group.entity';
import { researchGroupLoaders } from './research-group.loaders';
import { ResearchGroupResolver, UserResearchGroupsResolver } from './research-group.resolver';
import { researchGroupService } from './research-group.service';
import { ResearchGroupNode } from './research-group.type';
import { ResearchGroupMessages } from './research-group.errors';

export default defineModule<ReturnType<typeof researchGroupLoaders>>({
  name: 'research-group',
  messages: [ResearchGroupMessages],
  entities: [ResearchGroup, ResearchGroupMember],
  resolvers: [ResearchGroupResolver, UserResearchGroupsResolver],
  loaders: researchGroupLoaders,
  nodes: {
    ResearchGroup: async (ctx, id) => ResearchGroupNode.from(await researchGroupService.get(ctx, id)),
  },
});
