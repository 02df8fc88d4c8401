import { Navigate } from "react-router-dom";
import { useSession } from "../hooks/useSession";

export function RequireRole({ role, children }) {
  const { session, loading } = useSession();
  if (loading) return null;
  if (!session || !session.roles.includes(role)) return <Navigate to="/403" replace />;
  return children;
}
