// Issue-10 third recall pass on ignored-parameter and swallowed-error: options declared by shape and never
// read, a parameter the doc comment promises, a Rust function reached through another module's path, and a
// written file's Close dropped before a success answer. Each shape has a case the floor must report and a
// decoy it must stay quiet on (fresh snippets in frameworks that are not in the development corpora).
import { describe, expect, test } from "bun:test";
import { foundIn, lines, scanSnippets } from "./support/snippet-scan";

const params = (files: { path: string; content: string }[]) => foundIn(files, /^ignored-parameter$/);
const swallowed = (path: string, content: string) => foundIn([{ path, content }], /^swallowed-error$/);

describe("an option table of declaring calls beside a handler given the parsed table itself", () => {
  const cli = (handler: string) => lines(
    "import { defineCommand, opt } from 'tinycli';",
    "export const sync = defineCommand({",
    "  name: 'sync',",
    "  options: {",
    "    bucket: opt.string({ long: 'bucket', summary: 'bucket to mirror' }),",
    "    prune: opt.boolean({ long: 'prune', summary: 'delete objects missing upstream' }),",
    "  },",
    `  ${handler}`,
    "});");
  test("an entry the destructuring handler leaves out is reported at its key", () => {
    expect(params([{ path: "src/sync.ts", content: cli("action: async ({ bucket }) => { await mirror(bucket, true); },") }])).toEqual(["ignored-parameter@src/sync.ts:6"]);
  });
  test("a handler that reads every entry, or hands the rest on, is not", () => {
    expect(params([{ path: "src/sync.ts", content: cli("action: async ({ bucket, prune }) => { await mirror(bucket, prune); },") }])).toEqual([]);
    expect(params([{ path: "src/sync.ts", content: cli("action: async ({ bucket, ...rest }) => { await mirror(bucket, rest); },") }])).toEqual([]);
  });
  test("a handler that destructures keys the table does not declare is not its consumer", () => {
    expect(params([{ path: "src/sync.ts", content: cli("action: async ({ store }) => { await store.flush(); },") }])).toEqual([]);
  });
});

describe("class attributes declared by a call naming a long option", () => {
  const cmd = (run: string) => lines(
    "from shellkit import Command, Opt",
    "",
    "class Deploy(Command):",
    "    target = Opt('--target', default='staging', help='environment to deploy')",
    "    skip_checks = Opt(['-s', '--skip-checks'], flag=True, help='skip the smoke checks')",
    "",
    "    def run(self, release):",
    `        ${run}`);
  test("an attribute the class never reads is reported at its name", () => {
    expect(params([{ path: "ops/deploy.py", content: cmd("push(release, self.target); smoke(self.target)") }])).toEqual(["ignored-parameter@ops/deploy.py:5"]);
  });
  test("one the class reads, or a class that reads none of them through self, is not", () => {
    expect(params([{ path: "ops/deploy.py", content: cmd("push(release, self.target); None if self.skip_checks else smoke(self.target)") }])).toEqual([]);
    expect(params([{ path: "ops/deploy.py", content: cmd("push(release, options())") }])).toEqual([]);
  });
  test("another file that reads the attribute keeps it quiet (a subclass may)", () => {
    expect(params([
      { path: "ops/deploy.py", content: cmd("push(release, self.target); smoke(self.target)") },
      { path: "ops/canary.py", content: lines("from ops.deploy import Deploy", "class Canary(Deploy):", "    def run(self, r):", "        return self.skip_checks") },
    ])).toEqual([]);
  });
});

describe("Rust: a module path names that module's function", () => {
  const store = lines(
    "pub fn search(conn: &Conn, tag: Option<&str>, limit: i64) -> Vec<Post> {",
    "    conn.query(\"SELECT * FROM posts LIMIT $1\", &[&limit])",
    "}");
  const routes = lines("pub fn search(req: &Request) -> Response {", "    render(crate::store::search(&req.conn(), req.param(\"tag\"), 50))", "}");
  test("another module's handler of the same name handed to the router does not excuse the store function", () => {
    const main = lines("fn main() {", "    let app = Router::new().get(\"/search\", handlers::search);", "    app.serve();", "}");
    expect(params([{ path: "src/store.rs", content: store }, { path: "src/handlers.rs", content: routes }, { path: "src/main.rs", content: main }])).toEqual(["ignored-parameter@src/store.rs:1"]);
  });
  test("the function itself handed over by its own module's path still has its signature imposed", () => {
    const main = lines("fn main() {", "    let app = Router::new().get(\"/search\", store::search);", "    app.serve();", "}");
    expect(params([{ path: "src/store.rs", content: store }, { path: "src/main.rs", content: main }])).toEqual([]);
  });
});

describe("a written file's Close dropped before the function answers", () => {
  const save = (close: string) => lines(
    "package snap",
    "",
    "func Save(dir string, img image.Image) error {",
    "\tf, err := os.Create(filepath.Join(dir, \"snap.png\"))",
    "\tif err != nil {",
    "\t\treturn err",
    "\t}",
    "\tencErr := png.Encode(f, img)",
    `\t${close}`,
    "\treturn encErr",
    "}");
  test("a comment does not excuse it when the held write error (nil on success) is the answer", () => {
    expect(swallowed("snap/save.go", save("f.Close() // ignore"))).toEqual(["swallowed-error@snap/save.go:9"]);
  });
  test("a checked Close is not reported", () => {
    expect(swallowed("snap/save.go", save("if cerr := f.Close(); cerr != nil && encErr == nil {\n\t\tencErr = cerr\n\t}"))).toEqual([]);
  });
  test("a Close with a comment on the error branch, or of a file only read, is not", () => {
    const failing = lines(
      "package snap",
      "",
      "func Save(dir string, b []byte) error {",
      "\tf, err := os.Create(filepath.Join(dir, \"snap.bin\"))",
      "\tif err != nil {",
      "\t\treturn err",
      "\t}",
      "\tif _, err := f.Write(b); err != nil {",
      "\t\tf.Close() // best effort, the write already failed",
      "\t\treturn err",
      "\t}",
      "\treturn f.Close()",
      "}");
    expect(swallowed("snap/save.go", failing)).toEqual([]);
    const reader = lines(
      "package snap",
      "",
      "func Size(path string) (int64, error) {",
      "\tf, err := os.Open(path)",
      "\tif err != nil {",
      "\t\treturn 0, err",
      "\t}",
      "\tst, statErr := f.Stat()",
      "\tf.Close() // read only",
      "\treturn st.Size(), statErr",
      "}");
    expect(swallowed("snap/size.go", reader)).toEqual([]);
  });
});

describe("a dropped failure counted as done", () => {
  const worker = (after: string) => lines(
    "async fn drain(inbox: &mut Inbox, store: &Store) -> Result<u64, Error> {",
    "    let mut handled = 0u64;",
    "    while let Some(msg) = inbox.next().await {",
    "        store.apply(&msg.body).await?;",
    "        msg.settle().await.ok();",
    `        ${after}`,
    "    }",
    "    Ok(handled)",
    "}");
  test("a tally bumped right after the drop makes it a claim", () => {
    const found = scanSnippets([{ path: "src/drain.rs", content: worker("handled += 1;") }], /^swallowed-error$/);
    expect(found.map((f) => `${f.line}:${f.severity}`)).toEqual(["5:warning"]);
  });
  test("without the tally it stays an info-level lead", () => {
    const found = scanSnippets([{ path: "src/drain.rs", content: worker("trace(&msg);") }], /^swallowed-error$/);
    expect(found.map((f) => `${f.line}:${f.severity}`)).toEqual(["5:info"]);
  });
});
