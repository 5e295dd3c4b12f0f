import { defineModule } from '../../core/module';
import { CalendarDay, LoadPolicy } from './load.entity';
import { LoadResolver } from './load.resolver';
import { LoadErrors, LoadMessages } from './load.errors';

export default defineModule({
  name: 'load',
  errors: [LoadErrors],
  messages: [LoadMessages],
  entities: [LoadPolicy, CalendarDay],
  resolvers: [LoadResolver],
});
