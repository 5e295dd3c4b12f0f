import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { toGlobalId } from '../../core/ids';
import { Node } from '../../core/node';
import { LocalDate } from '../../core/scalars';
import { School, SchoolStage, Subject, Term } from './school.entity';

registerEnumType(SchoolStage, {
  name: 'SchoolStage',
  description: 'Which grades a school has',
  valuesConfig: {
    PRIMARY: { description: '小学: grades 1–6' },
    JUNIOR: { description: '初中: grades 7–9' },
    NINE_YEAR: { description: '九年一贯制: grades 1–9' },
  },
});

@ObjectType('School', { implements: Node, description: 'A school: every row of the service belongs to one' })
export class SchoolNode extends Node {
  @Field({ description: 'Short code used to sign in, e.g. jhsy' })
  code!: string;

  @Field({ description: 'Full name, e.g. 京华实验学校' })
  name!: string;

  @Field(() => SchoolStage, { description: 'Primary, junior or nine-year' })
  stage!: SchoolStage;

  @Field(() => [Int], { description: 'The grades this school teaches (1–9)' })
  grades!: number[];

  static from(school: School, grades: number[]): SchoolNode {
    return Object.assign(new SchoolNode(), {
      id: toGlobalId('School', school.id),
      code: school.code,
      name: school.name,
      stage: school.stage,
      grades,
    });
  }
}

@ObjectType('Term', { implements: Node, description: 'A school term (学期)' })
export class TermNode extends Node {
  @Field({ description: 'e.g. 2026—2027学年第一学期' })
  name!: string;

  @Field({ description: 'Academic year, e.g. 2026-2027' })
  academicYear!: string;

  @Field(() => Int, { description: '1 for the autumn term, 2 for the spring term' })
  termNo!: number;

  @Field(() => LocalDate, { description: 'First day' })
  startsOn!: string;

  @Field(() => LocalDate, { description: 'Last day' })
  endsOn!: string;

  static from(term: Term): TermNode {
    return Object.assign(new TermNode(), {
      id: toGlobalId('Term', term.id),
      name: term.name,
      academicYear: term.academicYear,
      termNo: term.termNo,
      startsOn: term.startsOn,
      endsOn: term.endsOn,
    });
  }
}

@ObjectType('Subject', { implements: Node, description: 'A subject taught in the school (学科)' })
export class SubjectNode extends Node {
  @Field({ description: 'Stable code, e.g. math' })
  code!: string;

  @Field({ description: 'Name, e.g. 数学' })
  name!: string;

  static from(subject: Subject): SubjectNode {
    return Object.assign(new SubjectNode(), {
      id: toGlobalId('Subject', subject.id),
      code: subject.code,
      name: subject.name,
    });
  }
}
