import { defineModule } from '../../core/module';
import { WeeklyList, WeeklyListEntry, WeeklyListEvent, WeeklyListSettings } from './weekly-list.entity';
import { weeklyListLoaders } from './weekly-list.loaders';
import { WeeklyListEntryResolver, WeeklyListEventResolver, WeeklyListResolver } from './weekly-list.resolver';
import { weeklyListService } from './weekly-list.service';
import { WeeklyListNode } from './weekly-list.type';
import { WeeklyListErrors, WeeklyListMessages } from './weekly-list.errors';

export default defineModule<ReturnType<typeof weeklyListLoaders>>({
  name: 'weekly-list',
  errors: [WeeklyListErrors],
  messages: [WeeklyListMessages],
  entities: [WeeklyList, WeeklyListEntry, WeeklyListSettings, WeeklyListEvent],
  resolvers: [WeeklyListResolver, WeeklyListEntryResolver, WeeklyListEventResolver],
  loaders: weeklyListLoaders,
  nodes: {
    WeeklyList: async (ctx, id) => WeeklyListNode.from(await weeklyListService.byId(ctx, id)),
  },
});
