import { defineModule } from '../../core/module';
import { WeeklyList, WeeklyListEntry } from './weekly-list.entity';
import { weeklyListLoaders } from './weekly-list.loaders';
import { WeeklyListEntryResolver, WeeklyListResolver } from './weekly-list.resolver';
import { weeklyListService } from './weekly-list.service';
import { WeeklyListNode } from './weekly-list.type';
import { WeeklyListErrors, WeeklyListMessages } from './weekly-list.errors';

export default defineModule<ReturnType<typeof weeklyListLoaders>>({
  name: 'weekly-list',
  errors: [WeeklyListErrors],
  messages: [WeeklyListMessages],
  entities: [WeeklyList, WeeklyListEntry],
  resolvers: [WeeklyListResolver, WeeklyListEntryResolver],
  loaders: weeklyListLoaders,
  nodes: {
    WeeklyList: async (ctx, id) => WeeklyListNode.from(await weeklyListService.byId(ctx, id)),
  },
});
