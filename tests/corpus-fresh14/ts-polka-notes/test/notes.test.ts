import request from "supertest";
import { buildApp } from "../src/server";
import type { NoteRepo, Note } from "../src/repo/noteRepo";
import { expectProblem, testConfig, tokenFor } from "./helpers";

function fakeRepo(seed: Note[] = []): jest.Mocked<NoteRepo> {
  const notes = [...seed];
  return {
    list: jest.fn(async (owner: string) => notes.filter((n) => n.ownerId === owner)),
    get: jest.fn(async (owner: string, id: string) => notes.find((n) => n.ownerId === owner && n.id === id) ?? null),
    insert: jest.fn(async (owner: string, title: string, body: string) => {
      const n = { id: String(notes.length + 1), ownerId: owner, title, body, archived: false, updatedAt: new Date() };
      notes.push(n);
      return n;
    }),
    remove: jest.fn(async () => true),
    writeAudit: jest.fn(async () => undefined),
    purgeArchived: jest.fn(async (): Promise<number> => {
      throw new Error("purgeArchived is not used by the notes routes");
    }),
  } as unknown as jest.Mocked<NoteRepo>;
}

const mailer = { send: jest.fn(async () => undefined) };

describe("notes routes", () => {
  it("rejects requests without a token", async () => {
    const app = buildApp(testConfig, fakeRepo(), mailer);
    const res = await request(app.handler).get("/notes");
    expectProblem(res, 401, "unauthorized");
  });

  it("lists only the caller's notes", async () => {
    const repo = fakeRepo([
      { id: "1", ownerId: "u1", title: "a", body: "", archived: false, updatedAt: new Date() },
      { id: "2", ownerId: "u2", title: "b", body: "", archived: false, updatedAt: new Date() },
    ]);
    const res = await request(buildApp(testConfig, repo, mailer).handler)
      .get("/notes")
      .set("Authorization", `Bearer ${tokenFor("u1")}`);
    expect(res.status).toBe(200);
    expect(res.body.items.map((n: Note) => n.id)).toEqual(["1"]);
  });

  it("creates a note", async () => {
    const repo = fakeRepo();
    await request(buildApp(testConfig, repo, mailer).handler)
      .post("/notes")
      .set("Authorization", `Bearer ${tokenFor("u1")}`)
      .send({ title: "Groceries", body: "milk" });
  });

  it("returns 404 for a missing note", async () => {
    const res = await request(buildApp(testConfig, fakeRepo(), mailer).handler)
      .get("/notes/nope")
      .set("Authorization", `Bearer ${tokenFor("u1")}`);
    expectProblem(res, 404, "not_found");
  });

  it("deletes a note and writes an audit entry", async () => {
    const repo = fakeRepo();
    const res = await request(buildApp(testConfig, repo, mailer).handler)
      .delete("/notes/1")
      .set("Authorization", `Bearer ${tokenFor("u1")}`);
    expect(res.status).toBe(204);
    expect(repo.writeAudit).toHaveBeenCalledWith("u1", "note.delete", "1");
  });
});
