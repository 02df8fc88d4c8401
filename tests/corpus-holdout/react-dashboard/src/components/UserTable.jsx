import { useEffect, useState } from "react";
import { apiDelete, apiGet } from "../api/client";

export function UserTable({ orgId, pageSize, onSelect }) {
  const [users, setUsers] = useState([]);
  const [error, setError] = useState(null);

  useEffect(() => {
    apiGet(`/orgs/${orgId}/users`).then(setUsers).catch(() => {});
  }, [orgId]);

  async function remove(id) {
    try {
      await apiDelete(`/orgs/${orgId}/users/${id}`);
      setUsers((prev) => prev.filter((u) => u.id !== id));
    } catch (e) {
      setError(e);
    }
  }

  if (error) return <p role="alert">Could not remove user: {error.message}</p>;
  return (
    <table>
      <tbody>
        {users.map((u) => (
          <tr key={u.id} onClick={() => onSelect(u)}>
            <td>{u.name}</td>
            <td>{u.email}</td>
            <td><button onClick={() => remove(u.id)}>Remove</button></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
