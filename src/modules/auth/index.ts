import { defineModule } from '../../core/module';
import { AuthResolver } from './auth.resolver';
import { AuthErrors, AuthMessages } from './auth.errors';

export default defineModule({
  name: 'auth',
  errors: [AuthErrors],
  messages: [AuthMessages],
  resolvers: [AuthResolver],
});
