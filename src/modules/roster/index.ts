import { defineModule } from '../../core/module';
import { RosterResolver } from './roster.resolver';

export default defineModule({
  name: 'roster',
  resolvers: [RosterResolver],
});
