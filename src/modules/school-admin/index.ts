import { defineModule } from '../../core/module';
import { SCHOOL_ADMIN_RESOLVERS } from './school-admin.resolver';

export default defineModule({
  name: 'school-admin',
  resolvers: [...SCHOOL_ADMIN_RESOLVERS],
});
