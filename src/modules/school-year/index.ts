import { defineModule } from '../../core/module';
import { PastClassMember, SchoolYearRollover } from './school-year.entity';
import { SchoolYearErrors, SchoolYearMessages } from './school-year.errors';
import { GraduateResolver, SchoolYearResolver } from './school-year.resolver';

export default defineModule({
  name: 'school-year',
  entities: [PastClassMember, SchoolYearRollover],
  resolvers: [SchoolYearResolver, GraduateResolver],
  errors: [SchoolYearErrors],
  messages: [SchoolYearMessages],
});
