import { createHmac } from "node:crypto";
import { expect } from "vitest";
import { courses, db, sqlite, users, type Course, type User } from "~/lib/db";
import { sessionStore } from "./setup";

const SCHEMA = `
CREATE TABLE IF NOT EXISTS users (id integer primary key autoincrement, email text not null unique, name text not null,
  password_hash text not null, role text not null default 'student', created_at integer not null default (unixepoch()));
CREATE TABLE IF NOT EXISTS courses (id integer primary key autoincrement, slug text not null unique, title text not null,
  summary text not null default '', category text not null, price_cents integer not null default 0,
  currency text not null default 'eur', published integer not null default 0, created_at integer not null default (unixepoch()));
CREATE TABLE IF NOT EXISTS enrollments (id integer primary key autoincrement, user_id integer not null, course_id integer not null,
  status text not null default 'active', certificate_path text, completed_at integer,
  created_at integer not null default (unixepoch()), unique (user_id, course_id));
CREATE TABLE IF NOT EXISTS payments (id integer primary key autoincrement, provider_event_id text not null unique,
  charge_id text not null, enrollment_id integer not null, amount_cents integer not null, refunded_cents integer not null default 0,
  currency text not null, status text not null, created_at integer not null default (unixepoch()));
CREATE TABLE IF NOT EXISTS audit_log (id integer primary key autoincrement, actor_id integer, action text not null,
  subject text not null, detail text, created_at integer not null default (unixepoch()));
CREATE TABLE IF NOT EXISTS mail_outbox (id integer primary key autoincrement, "to" text not null, subject text not null,
  body text not null, attempts integer not null default 0, last_error text, created_at integer not null default (unixepoch()));
`;

export function resetDb() {
  sqlite.exec(SCHEMA);
  for (const table of ["payments", "enrollments", "audit_log", "mail_outbox", "courses", "users"]) {
    sqlite.exec(`DELETE FROM ${table}`);
  }
}

let counter = 0;

export function seedUser(role: User["role"] = "student"): User {
  counter += 1;
  return db
    .insert(users)
    .values({ email: `user${counter}@example.test`, name: `User ${counter}`, passwordHash: "x:y", role })
    .returning()
    .get();
}

export function seedCourse(overrides: Partial<typeof courses.$inferInsert> = {}): Course {
  counter += 1;
  return db
    .insert(courses)
    .values({ slug: `course-${counter}`, title: `Course ${counter}`, category: "dev", published: true, ...overrides })
    .returning()
    .get();
}

export function signIn(user: User) {
  sessionStore.data = { userId: user.id };
}

export function form(values: Record<string, string | number>) {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, String(value));
  return data;
}

export function signPayload(payload: string, secret: string, timestamp = Math.floor(Date.now() / 1000)) {
  const v1 = createHmac("sha256", secret).update(`${timestamp}.${payload}`).digest("hex");
  return `t=${timestamp},v1=${v1}`;
}

export async function expectRedirect(pending: Promise<unknown>, location: string) {
  const thrown = await pending.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(thrown).toBeInstanceOf(Response);
  expect((thrown as Response).headers.get("Location")).toBe(location);
}
