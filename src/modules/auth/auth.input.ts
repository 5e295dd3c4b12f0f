import { Field, InputType } from 'type-graphql';
import { IsNotEmpty, Length, Matches, MaxLength } from 'class-validator';

@InputType({ description: 'Credentials to sign in with' })
export class LoginInput {
  @Field({ description: 'The school code, e.g. jhsy' })
  @Length(2, 40)
  schoolCode!: string;

  @Field({ description: 'Username within the school' })
  @Length(2, 64)
  username!: string;

  @Field({ description: 'Password' })
  @IsNotEmpty()
  @MaxLength(200)
  password!: string;
}

@InputType({ description: 'Change your own password' })
export class PasswordChangeInput {
  @Field({ description: 'Your current password' })
  @IsNotEmpty()
  @MaxLength(200)
  currentPassword!: string;

  @Field({ description: 'The new password: 10–200 characters with at least one letter and one digit' })
  @Length(10, 200)
  @Matches(/[A-Za-z]/, { message: 'newPassword must contain a letter' })
  @Matches(/[0-9]/, { message: 'newPassword must contain a digit' })
  newPassword!: string;
}
