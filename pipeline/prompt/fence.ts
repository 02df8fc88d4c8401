// Per-request data markers: a random token the reviewed file cannot know, so it cannot close the fence.
import { randomBytes } from "node:crypto";

export interface Fence {
  token: string;
  begin: (file: string) => string;
  end: string;
}

/** A fence around one prompt's file content; `random` is injectable so tests can fix the token. */
export function newFence(random: (n: number) => Buffer = randomBytes): Fence {
  const token = `DATA-${random(8).toString("hex").toUpperCase()}`;
  return { token, begin: (file) => `<<<${token} BEGIN ${file}>>>`, end: `<<<${token} END>>>` };
}

/** The fence statement (prompts/fence.md) with this request's markers filled in. */
export function fenceStatement(template: string, fence: Fence, file: string): string {
  return template.replaceAll("{{begin}}", fence.begin(file)).replaceAll("{{end}}", fence.end);
}
