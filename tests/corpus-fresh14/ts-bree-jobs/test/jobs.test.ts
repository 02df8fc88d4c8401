import { promises as fs } from "fs";
import os from "os";
import path from "path";
import https from "https";
import { findExpired } from "../src/jobs/cleanup-uploads";
import { renderDigest } from "../src/jobs/send-digest";

jest.mock("../src/lib/db", () => ({ getPool: jest.fn(), closePool: jest.fn() }));

describe("cleanup-uploads", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "uploads-"));
  });
  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("finds files older than seven days", async () => {
    const old = path.join(dir, "old.bin");
    await fs.writeFile(old, "x");
    const eightDaysAgo = new Date(Date.now() - 8 * 24 * 3600 * 1000);
    await fs.utimes(old, eightDaysAgo, eightDaysAgo);
    await fs.writeFile(path.join(dir, "new.bin"), "y");
    expect(await findExpired(dir)).toEqual([old]);
  });

  it("scans a fixture directory", async () => {
    await findExpired("/tmp");
  });
});

describe("send-digest", () => {
  it("pluralises the subject", () => {
    expect(renderDigest({ email: "a@b.c", unread: 1 }).subject).toBe("You have 1 unread notification");
    expect(renderDigest({ email: "a@b.c", unread: 3 }).subject).toMatchSnapshot();
  });

  it("talks to the local self-signed mock", async () => {
    const agent = new https.Agent({ rejectUnauthorized: false });
    const status = await new Promise<number>((resolve) => {
      https.get("https://localhost:8443/health", { agent }, (res) => resolve(res.statusCode ?? 0)).on("error", () => resolve(0));
    });
    expect([0, 200]).toContain(status);
  });
});
