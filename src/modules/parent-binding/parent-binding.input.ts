import { Field, ID, InputType } from 'type-graphql';
import { IsOptional, Length, Matches, MaxLength } from 'class-validator';
import { ParentRelation } from '../user/user.entity';

const NOT_BLANK = { message: '$property must not be blank' };

@InputType({ description: 'Which child: the join code (班级码) the head teacher gave, the child\'s name and the last digits of their 学籍号' })
export class ParentBindingRequestInput {
  @Field({ description: "The class's join code, e.g. 3F9A2C71 (8 characters)" })
  @Length(4, 16)
  joinCode!: string;

  @Field({ description: "The child's name as the school has it, e.g. 李明" })
  @Length(1, 64)
  @Matches(/\S/, NOT_BLANK)
  childName!: string;

  @Field({ description: 'The last 4–8 characters of the child\'s 学籍号' })
  @Matches(/^\s*[0-9A-Za-z]{4,8}\s*$/, { message: 'studentNoDigits must be the last 4–8 characters of the 学籍号' })
  studentNoDigits!: string;

  @Field(() => ParentRelation, { description: 'How you are related to the child' })
  relation!: ParentRelation;

  @Field({ defaultValue: false, description: "Your consent, as the child's guardian, to the service keeping the child's work and record sheets (needed under 14); takes effect with the binding" })
  consent!: boolean;
}

@InputType({ description: 'A parent registers with the school code and binds to a child' })
export class ParentRegisterInput extends ParentBindingRequestInput {
  @Field({ description: 'The school code, e.g. jhsy' })
  @Length(2, 40)
  schoolCode!: string;

  @Field({ description: 'Your username: your mobile number is the usual choice (the roster lists parents by it); 2–64 lower-case letters, digits, dots, dashes or underscores' })
  @Matches(/^\s*[A-Za-z0-9][A-Za-z0-9._-]{1,63}\s*$/, { message: 'username must be 2–64 letters, digits, dots, dashes or underscores' })
  username!: string;

  @Field({ description: 'Your name as the school will see it, e.g. 李明妈妈' })
  @Length(1, 64)
  @Matches(/\S/, NOT_BLANK)
  displayName!: string;

  @Field({ description: 'Your password: 10–200 characters with at least one letter and one digit' })
  @Length(10, 200)
  @Matches(/[A-Za-z]/, { message: 'password must contain a letter' })
  @Matches(/[0-9]/, { message: 'password must contain a digit' })
  password!: string;
}

@InputType({ description: 'Approve or reject a waiting binding request' })
export class ParentBindingDecideInput {
  @Field(() => ID, { description: 'The request' })
  requestId!: string;

  @Field({ description: 'True to bind the parent to the child, false to reject' })
  approve!: boolean;

  @Field(() => String, { nullable: true, description: 'Why it was rejected (shown to the parent)' })
  @IsOptional()
  @MaxLength(200)
  reason?: string | null;
}
