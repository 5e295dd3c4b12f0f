import { defineModule } from '../../core/module';
import { AuthResolver } from './auth.resolver';

export default defineModule({
  name: 'auth',
  resolvers: [AuthResolver],
});
