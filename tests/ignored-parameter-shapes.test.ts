// ignored-parameter by shape (issue 10, fifth pass): a value the caller hands in (a parameter, an option
// field, a validated input field, a CLI option) that no code path reads, in each language where the shape exists.
import { describe, expect, test } from "bun:test";
import { scanSnippets, type SnippetFile as File } from "./support/snippet-scan";

const scan = (...files: File[]) => scanSnippets(files, /^ignored-parameter$/);
const at = (...files: File[]) => scan(...files).map((f) => `${f.file}:${f.line}`).sort();

describe("a parameter rebound before it is read", () => {
  test("Rust: a `let` of the same name before any use shadows the caller's value", () => {
    const fs = scan({ path: "src/cache.rs", content: "pub fn lookup(key: &str, max_age: u64) -> Option<Entry> {\n    let hit = CACHE.get(key)?;\n    let max_age = 300;\n    fresh(hit, max_age)\n}\n" });
    expect(fs.map((f) => f.line)).toEqual([1]);
    expect(fs[0]!.message).toContain("rebound before it is read");
  });

  test("Rust: a rebinding that reads the parameter, or one inside a branch, keeps it", () => {
    expect(at({ path: "src/cache.rs", content: "pub fn lookup(key: &str, max_age: Option<u64>) -> Option<Entry> {\n    let max_age = max_age.unwrap_or(300);\n    fresh(CACHE.get(key)?, max_age)\n}\n" })).toEqual([]);
    expect(at({ path: "src/cache.rs", content: "pub fn lookup(key: &str, max_age: u64) -> Option<Entry> {\n    if key.is_empty() {\n        let max_age = 0;\n        return fresh(None, max_age);\n    }\n    fresh(CACHE.get(key), max_age)\n}\n" })).toEqual([]);
  });

  test("Python and Go: an assignment at the top of the body overwrites it", () => {
    expect(at({ path: "svc/fetch.py", content: "def fetch(url, timeout=10):\n    timeout = 30\n    return http.get(url, timeout=timeout)\n" })).toEqual(["svc/fetch.py:1"]);
    expect(at({ path: "svc/fetch.py", content: "def fetch(url, timeout=None):\n    timeout = timeout or 30\n    return http.get(url, timeout=timeout)\n" })).toEqual([]);
    expect(at({ path: "fetch/fetch.go", content: "package fetch\nfunc Get(url string, limit int) ([]byte, error) {\n\tlimit = 10\n\treturn read(url, limit)\n}\n" })).toEqual(["fetch/fetch.go:2"]);
    expect(at({ path: "fetch/fetch.go", content: "package fetch\nfunc Get(url string, limit int) ([]byte, error) {\n\tlimit += 1\n\treturn read(url, limit)\n}\n" })).toEqual([]);
  });
});

describe("an option field nobody reads is reported where it is declared", () => {
  const store = (body: string) => ({ path: "src/store.ts", content: `export interface FindOptions {\n  limit?: number;\n  withDeleted?: boolean;\n}\n\nexport const repo = {\n  find(owner: string, opts: FindOptions = {}) {\n${body}\n  },\n};\n` });

  test("TS: the finding starts at the unread field and runs to the parameter that takes the type", () => {
    const fs = scan(store("    return db.rows(owner).slice(0, opts.limit ?? 20);"));
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ line: 3, end_line: 7 });
    expect(fs[0]!.message).toContain("'withDeleted'");
    expect(scan(store("    return db.rows(owner, opts.withDeleted).slice(0, opts.limit ?? 20);"))).toEqual([]);
  });

  test("Go: an exported field of a constructor's options struct, read in no file", () => {
    const opts = { path: "mail/options.go", content: "package mail\ntype Options struct {\n\tHost string\n\tRetries int\n}\ntype Sender struct{ o Options }\nfunc NewSender(o Options) *Sender { return &Sender{o: o} }\n" };
    expect(at(opts, { path: "mail/send.go", content: "package mail\nfunc (s *Sender) Send(m Msg) error { return dial(s.o.Host, m) }\n" })).toEqual(["mail/options.go:4"]);
    expect(at(opts, { path: "mail/send.go", content: "package mail\nfunc (s *Sender) Send(m Msg) error { return retry(s.o.Retries, func() error { return dial(s.o.Host, m) }) }\n" })).toEqual([]);
    // A test reading the field does not make the shipped code honour it.
    expect(at(opts, { path: "mail/send.go", content: "package mail\nfunc (s *Sender) Send(m Msg) error { return dial(s.o.Host, m) }\n" }, { path: "mail/send_test.go", content: "package mail\nfunc TestRetries(t *testing.T) { if NewSender(Options{Retries: 2}).o.Retries != 2 { t.Fatal() } }\n" })).toEqual(["mail/options.go:4"]);
  });

  test("Go: a record taken by a predicate, or handed on whole, is no options struct", () => {
    expect(at({ path: "acl/acl.go", content: "package acl\ntype User struct {\n\tName string\n\tRole string\n}\nfunc CanEdit(u User) bool { return u.Role == \"editor\" }\n" })).toEqual([]);
    expect(at({ path: "mail/options.go", content: "package mail\ntype Options struct {\n\tHost string\n\tRetries int\n}\ntype Sender struct{ cfg []byte }\nfunc NewSender(o Options) *Sender { b, _ := json.Marshal(o); return &Sender{cfg: b} }\n" })).toEqual([]);
  });

  test("Rust and Python: the same shape", () => {
    expect(at({ path: "src/pool.rs", content: "pub struct PoolConfig {\n    pub size: usize,\n    pub idle: Duration,\n}\npub struct Pool { conns: Vec<Conn> }\nimpl Pool {\n    pub fn new(cfg: PoolConfig) -> Self { Self { conns: Vec::with_capacity(cfg.size) } }\n}\n" })).toEqual(["src/pool.rs:3"]);
    expect(at({ path: "app/up.py", content: "@dataclass\nclass UpOptions:\n    part_size: int = 8\n    verify: bool = True\n\nclass Up:\n    def __init__(self, opts: UpOptions):\n        self.opts = opts\n\n    def send(self, data):\n        return split(data, self.opts.part_size)\n" })).toEqual(["app/up.py:4"]);
  });
});

describe("a validated input field the handler never reads", () => {
  const router = (body: string) => ({ path: "src/routers/orders.ts", content: `export const orders = router({\n  cancel: authed\n    .input(z.object({ orderId: z.string(), refund: z.boolean().default(false) }))\n    .mutation(async ({ ctx, input }) => {\n${body}\n    }),\n});\n` });

  test("is reported at the schema's key", () => {
    const fs = scan(router("      await ctx.db.orders.cancel(input.orderId);"));
    expect(fs.map((f) => f.line)).toEqual([3]);
    expect(fs[0]!.message).toContain("'refund'");
  });

  test("is silent when every field is read or the input is handed on whole", () => {
    expect(scan(router("      await ctx.db.orders.cancel(input.orderId, { refund: input.refund });"))).toEqual([]);
    expect(scan(router("      await ctx.db.orders.cancel(input);"))).toEqual([]);
  });
});

describe("a CLI option declared on the parameter itself", () => {
  const cli = (body: string) => ({ path: "tool/cli.py", content: `@app.command()\ndef purge(\n    bucket: str,\n    force: Annotated[bool, typer.Option("--force")] = False,\n):\n${body}\n` });

  test("is the command's promise: unread, it is reported", () => {
    expect(at(cli("    store.purge(bucket)"))).toEqual(["tool/cli.py:4"]);
  });

  test("read, it is not", () => {
    expect(at(cli("    if force or confirm(bucket):\n        store.purge(bucket)"))).toEqual([]);
  });
});
