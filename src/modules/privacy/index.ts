import { defineModule } from '../../core/module';
import { PrivacyResolver } from './privacy.resolver';
import { PrivacyErrors, PrivacyMessages } from './privacy.errors';

export default defineModule({
  name: 'privacy',
  errors: [PrivacyErrors],
  messages: [PrivacyMessages],
  resolvers: [PrivacyResolver],
});
