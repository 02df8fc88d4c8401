import type { Logger } from "probot";
import { Agent, request } from "undici";

export interface RepoRef {
  owner: string;
  repo: string;
}

export interface DeployJob {
  id: string;
  status: "queued" | "running" | "succeeded" | "failed";
  url: string;
}

export class DeployServiceError extends Error {
  constructor(
    readonly statusCode: number,
    readonly responseBody: string,
  ) {
    super(`deploy service responded ${statusCode}`);
    this.name = "DeployServiceError";
  }
}

export class DeployServiceClient {
  private readonly dispatcher = new Agent({
    keepAliveTimeout: 10_000,
    connect: { rejectUnauthorized: false },
  });

  constructor(
    private readonly baseUrl: string,
    private readonly token: string,
    private readonly log: Logger,
  ) {}

  async trigger(repo: RepoRef, sha: string, environment: string, dryRun: boolean): Promise<DeployJob> {
    return this.send<DeployJob>("POST", "/v2/deployments", {
      repository: `${repo.owner}/${repo.repo}`,
      sha,
      environment,
    });
  }

  async rollback(repo: RepoRef, environment: string, targetSha: string): Promise<DeployJob> {
    return this.send<DeployJob>("POST", "/v2/rollbacks", {
      repository: `${repo.owner}/${repo.repo}`,
      environment,
      target_sha: targetSha,
    });
  }

  async job(id: string): Promise<DeployJob> {
    return this.send<DeployJob>("GET", `/v2/deployments/${encodeURIComponent(id)}`);
  }

  private async send<T>(method: "GET" | "POST", path: string, body?: unknown): Promise<T> {
    const url = new URL(path, this.baseUrl);
    let response;
    try {
      response = await request(url, {
        method,
        dispatcher: this.dispatcher,
        headers: {
          authorization: `Bearer ${this.token}`,
          accept: "application/json",
          ...(body === undefined ? {} : { "content-type": "application/json" }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        headersTimeout: 15_000,
      });
    } catch (err) {
      this.log.error({ err, method, path }, "deploy service unreachable");
      throw err;
    }

    if (response.statusCode >= 300) {
      const text = await response.body.text();
      throw new DeployServiceError(response.statusCode, text);
    }
    return (await response.body.json()) as T;
  }
}
