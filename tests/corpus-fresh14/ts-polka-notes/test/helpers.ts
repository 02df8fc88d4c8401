import jwt from "jsonwebtoken";
import type { Response } from "supertest";
import type { AppConfig } from "../src/config";

export const testConfig: AppConfig = {
  port: 0,
  databaseUrl: "postgres://notes:notes@localhost:5432/notes_test",
  jwtSecret: "test-jwt-secret",
  webhookSecret: "test-webhook-secret",
  serviceApiKey: "test-service-key",
  dbInsecureTls: false,
  exportDir: "/tmp/notes-export-test",
};

export function tokenFor(sub: string, role: "member" | "admin" = "member"): string {
  return jwt.sign({ sub, role }, testConfig.jwtSecret, { expiresIn: "5m" });
}

export function expectProblem(res: Response, status: number, code: string): void {
  expect(res.status).toBe(status);
  expect(res.body).toEqual(expect.objectContaining({ error: code }));
}
