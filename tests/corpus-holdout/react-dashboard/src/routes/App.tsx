import { BrowserRouter, Route, Routes } from "react-router-dom";
import { ProtectedRoute } from "../components/ProtectedRoute";
import { UserTable } from "../components/UserTable";
import { AuditLog } from "../components/AuditLog";

export function App() {
  return (
    <BrowserRouter>
      <Routes>
        <Route path="/login" element={<p>Please sign in.</p>} />
        <Route
          path="/orgs/:orgId/users"
          element={<ProtectedRoute><UserTable orgId="current" pageSize={50} onSelect={() => {}} /></ProtectedRoute>}
        />
        <Route path="/orgs/:orgId/audit" element={<ProtectedRoute><AuditLog orgId="current" /></ProtectedRoute>} />
      </Routes>
    </BrowserRouter>
  );
}
