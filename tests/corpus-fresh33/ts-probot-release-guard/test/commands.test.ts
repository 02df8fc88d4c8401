import nock from "nock";
import { Probot, ProbotOctokit } from "probot";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { buildApp, type GuardDeps } from "../src/index.js";
import { commentPayload, expectAllMocksUsed, fakeDeps } from "./helpers.js";

describe("slash commands", () => {
  let probot: Probot;
  let deps: GuardDeps;

  beforeEach(async () => {
    nock.disableNetConnect();
    deps = fakeDeps();
    probot = new Probot({
      githubToken: "test",
      Octokit: ProbotOctokit.defaults({
        retry: { enabled: false },
        throttle: { enabled: false },
      }),
    });
    await probot.load(buildApp(deps));
  });

  afterEach(() => {
    nock.cleanAll();
    nock.enableNetConnect();
  });

  test("/deploy triggers the deploy service for collaborators with write access", async () => {
    nock("https://api.github.com")
      .get("/repos/acme/web/collaborators/octocat/permission")
      .reply(200, { permission: "write", role_name: "write" })
      .get("/repos/acme/web/pulls/42")
      .reply(200, { head: { sha: "0123456789abcdef0123456789abcdef01234567" } })
      .post("/repos/acme/web/issues/42/comments", (body) => body.body.includes("job-1"))
      .reply(201, {});

    await probot.receive({ id: "1", name: "issue_comment", payload: commentPayload("/deploy staging") as any });

    expect(deps.deployClient.trigger).toHaveBeenCalledWith(
      { owner: "acme", repo: "web" },
      "0123456789abcdef0123456789abcdef01234567",
      "staging",
      false,
    );
    expectAllMocksUsed();
  });

  test("/freeze is refused for read-only users", async () => {
    nock("https://api.github.com")
      .get("/repos/acme/web/collaborators/visitor/permission")
      .reply(200, { permission: "read", role_name: "read" })
      .post("/repos/acme/web/issues/42/comments", (body) => body.body.includes("needs maintain"))
      .reply(201, {});

    await probot.receive({
      id: "2",
      name: "issue_comment",
      payload: commentPayload("/freeze 2h hotfix window", "visitor") as any,
    });

    expect(deps.freezes.create).not.toHaveBeenCalled();
    expectAllMocksUsed();
  });

  test("/status lists recent deploys", async () => {
    nock("https://api.github.com").persist().post("/repos/acme/web/issues/42/comments").reply(201, {});

    await probot.receive({ id: "3", name: "issue_comment", payload: commentPayload("/status") as any });
  });

  test("a failing command reacts with confused and surfaces the error", async () => {
    deps.deployClient.trigger = async () => {
      throw new Error("deploy service down");
    };
    nock("https://api.github.com")
      .get("/repos/acme/web/collaborators/octocat/permission")
      .reply(200, { permission: "admin", role_name: "admin" })
      .get("/repos/acme/web/pulls/42")
      .reply(200, { head: { sha: "0123456789abcdef0123456789abcdef01234567" } })
      .post("/repos/acme/web/issues/comments/9001/reactions", { content: "confused" })
      .reply(201, {});

    await expect(
      probot.receive({ id: "4", name: "issue_comment", payload: commentPayload("/deploy staging") as any }),
    ).rejects.toThrow(/deploy service down/);
  });
});
