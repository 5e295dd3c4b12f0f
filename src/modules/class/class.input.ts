import { Field, ID, InputType } from 'type-graphql';
import { IsNotEmpty } from 'class-validator';

@InputType({ description: 'Appoint the head teacher (班主任) of a class' })
export class ClassHeadTeacherSetInput {
  @Field(() => ID, { description: 'The class' })
  @IsNotEmpty()
  classId!: string;

  @Field(() => ID, { description: 'A teacher of the same school' })
  @IsNotEmpty()
  teacherId!: string;
}
