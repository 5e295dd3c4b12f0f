import { SchoolStage } from '../../src/modules/school/school.entity';
import { SchoolSpec } from '../../seeds/school-fixture';

/** A small school for tests: grades 3 and 8, two classes each, three students a class. */
export const SMALL_SCHOOL: SchoolSpec = {
  code: 'test-a',
  name: '测试甲校',
  stage: SchoolStage.NINE_YEAR,
  grades: [3, 8],
  classesPerGrade: 2,
  studentsPerClass: 3,
  nameSeed: 1,
};

/** A second school, to prove that one school never sees or changes another's rows. */
export const OTHER_SCHOOL: SchoolSpec = {
  code: 'test-b',
  name: '测试乙校',
  stage: SchoolStage.PRIMARY,
  grades: [3],
  classesPerGrade: 1,
  studentsPerClass: 3,
  nameSeed: 2,
};
