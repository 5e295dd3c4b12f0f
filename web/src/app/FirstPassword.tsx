import { Navigate } from 'react-router-dom';
import { PasswordChange } from './PasswordChange';
import { currentToken } from './session';

/** Where a user signed in with a password the school issued is sent: nothing else works until it is changed. */
export const FIRST_PASSWORD_PATH = '/first-password';

/**
 * The first sign-in with an account slip's password: the password form on a page of its own,
 * outside the signed-in shell (whose queries the service refuses until the password is changed).
 */
export function FirstPassword() {
  if (!currentToken()) return <Navigate to="/login" replace />;
  return (
    <main className="signin-page">
      <PasswordChange first />
    </main>
  );
}
