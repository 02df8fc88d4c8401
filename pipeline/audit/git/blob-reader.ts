// Read git blobs through one long-lived `git cat-file --batch` process: auditing a range of a thousand
// commits reads thousands of file versions, and one process per blob would cost more than the audit.
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { RuntimeError } from "../../core/errors";

interface Pending { resolve: (b: Buffer | null) => void; reject: (e: Error) => void }

export class BlobReader {
  private proc: ChildProcessWithoutNullStreams | null = null;
  private buf: Buffer = Buffer.alloc(0);
  private queue: Pending[] = [];
  private failed: Error | null = null;

  constructor(private readonly cwd: string) {}

  /** The object's bytes, or null when git does not have it. `id` is a blob id (hex). */
  read(id: string): Promise<Buffer | null> {
    if (!/^[0-9a-f]{7,64}$/.test(id)) return Promise.reject(new RuntimeError("E_GIT", `not a blob id: ${id}`));
    if (this.failed) return Promise.reject(this.failed);
    const proc = this.start();
    return new Promise((resolve, reject) => {
      this.queue.push({ resolve, reject });
      proc.stdin.write(id + "\n");
    });
  }

  /** End the git process; pending reads fail. */
  close(): void {
    if (!this.proc) return;
    this.proc.stdin.end();
    this.proc.kill();
    this.proc = null;
  }

  private start(): ChildProcessWithoutNullStreams {
    if (this.proc) return this.proc;
    const proc = spawn("git", ["cat-file", "--batch"], { cwd: this.cwd, stdio: ["pipe", "pipe", "pipe"] });
    let stderr = "";
    proc.stdout.on("data", (chunk: Buffer) => this.take(chunk));
    proc.stderr.on("data", (chunk: Buffer) => { stderr += chunk.toString(); });
    const fail = (why: string) => {
      this.failed = new RuntimeError("E_GIT", `git cat-file stopped: ${why}`);
      for (const p of this.queue.splice(0)) p.reject(this.failed);
      this.proc = null;
    };
    proc.on("error", (e) => fail(e.message));
    proc.on("exit", (code) => { if (this.queue.length) fail(stderr.split("\n")[0] || `exit ${code}`); });
    // A closed pipe after close() is expected; anything else surfaces through "exit".
    proc.stdin.on("error", () => {});
    this.proc = proc;
    return proc;
  }

  /** Answers arrive in request order: "<id> blob <size>\n<bytes>\n" or "<id> missing\n". */
  private take(chunk: Buffer): void {
    this.buf = this.buf.length ? Buffer.concat([this.buf, chunk]) : chunk;
    while (this.queue.length) {
      const nl = this.buf.indexOf(0x0a);
      if (nl < 0) return;
      const header = this.buf.subarray(0, nl).toString();
      if (/ (missing|ambiguous)$/.test(header)) {
        this.buf = this.buf.subarray(nl + 1);
        this.queue.shift()!.resolve(null);
        continue;
      }
      const size = Number(header.split(" ")[2]);
      if (this.buf.length < nl + 1 + size + 1) return;
      const body = Buffer.from(this.buf.subarray(nl + 1, nl + 1 + size));
      this.buf = this.buf.subarray(nl + 1 + size + 1);
      this.queue.shift()!.resolve(body);
    }
  }
}
