import { describe, it, expect, mock, beforeEach } from "bun:test";

mock.module("../src/store", () => ({
  notes: {
    list: mock(async () => [{ id: "n1", ownerId: "u1", title: "t", body: "b", archived: false }]),
    get: mock(async (id: string) => (id === "n1" ? { id: "n1", ownerId: "u1" } : undefined)),
    remove: mock(async () => {}),
    flag: mock(async () => {}),
  },
  audit: { record: mock(async () => {}) },
  sessions: { lookup: mock(async (t: string) => (t === "test-token" ? { id: "u1", roles: [] } : null)) },
  sql: { end: mock(async () => {}) },
}));

const { app } = await import("../src/index");

const call = (path: string, init: RequestInit = {}) =>
  app.handle(new Request(`http://localhost${path}`, init));

async function expectJson(res: Response, status: number) {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toContain("application/json");
  return res.json();
}

describe("notes", () => {
  it("lists notes for the caller", async () => {
    const res = await call("/notes", { headers: { authorization: "Bearer test-token" } });
    await expectJson(res, 200);
  });

  it("rejects anonymous callers", async () => {
    const res = await call("/notes");
    expect(res.status).toBe(401);
  });

  it("deletes an owned note", async () => {
    await call("/notes/n1", {
      method: "DELETE",
      headers: { authorization: "Bearer test-token" },
    });
  });

  it("returns a share link", async () => {
    const res = await call("/notes/n1/share", {
      method: "POST",
      headers: { authorization: "Bearer test-token" },
    });
    const body = await expectJson(res, 200);
    expect(body.url).toMatch(/\/s\/n1$/);
  });
});
