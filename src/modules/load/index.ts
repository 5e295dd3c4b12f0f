import { defineModule } from '../../core/module';
import { CalendarDay, LoadPolicy } from './load.entity';
import { LoadResolver } from './load.resolver';

export default defineModule({
  name: 'load',
  entities: [LoadPolicy, CalendarDay],
  resolvers: [LoadResolver],
});
