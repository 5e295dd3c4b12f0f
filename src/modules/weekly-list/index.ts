import { defineModule } from '../../core/module';
import { WeeklyList, WeeklyListEntry } from './weekly-list.entity';
import { weeklyListLoaders } from './weekly-list.loaders';
import { WeeklyListEntryResolver, WeeklyListResolver } from './weekly-list.resolver';
import { weeklyListService } from './weekly-list.service';
import { WeeklyListNode } from './weekly-list.type';

export default defineModule({
  name: 'weekly-list',
  entities: [WeeklyList, WeeklyListEntry],
  resolvers: [WeeklyListResolver, WeeklyListEntryResolver],
  loaders: weeklyListLoaders,
  nodes: {
    WeeklyList: async (ctx, id) => WeeklyListNode.from(await weeklyListService.byId(ctx, id)),
  },
});
