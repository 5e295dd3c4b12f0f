import { defineModule } from '../../core/module';
import { SCHOOL_ADMIN_RESOLVERS } from './school-admin.resolver';
import { SchoolAdminErrors, SchoolAdminMessages } from './school-admin.errors';

export default defineModule({
  name: 'school-admin',
  errors: [SchoolAdminErrors],
  messages: [SchoolAdminMessages],
  resolvers: [...SCHOOL_ADMIN_RESOLVERS],
});
