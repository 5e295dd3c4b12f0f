import { Navigate } from 'react-router-dom';
import { homePath, useViewer } from './viewer';

/** `/` opens the signed-in role's own page. */
export function HomeRedirect() {
  const { viewer } = useViewer();
  return <Navigate to={homePath(viewer)} replace />;
}
