// Issue 10 recall pass on ignored-parameter: each shape with a case the floor reports and a decoy it must
// stay quiet on (fresh snippets in frameworks the held-out corpora do not use).
import { describe, expect, test } from "bun:test";
import { foundIn, lines } from "./support/snippet-scan";

const ignored = (files: { path: string; content: string }[]) => foundIn(files, /^ignored-parameter$/);

describe("Go: a field bound to a flag by its address is an option", () => {
  const cmd = (use: string) => lines(
    "package commands",
    "",
    "import \"flag\"",
    "",
    "type SyncCommand struct {",
    "\tsource string",
    "\tlimit  int",
    "\tverbose bool",
    "}",
    "",
    "func (c *SyncCommand) Run(args []string) int {",
    "\tfs := flag.NewFlagSet(\"sync\", flag.ContinueOnError)",
    "\tfs.StringVar(&c.source, \"source\", \"\", \"where to read from\")",
    "\tfs.IntVar(&c.limit, \"limit\", 100, \"rows per batch\")",
    "\tfs.BoolVar(&c.verbose, \"verbose\", false, \"log each row\")",
    "\tif err := fs.Parse(args); err != nil {",
    "\t\treturn 1",
    "\t}",
    `\t${use}`,
    "\treturn copyRows(c.source, c.verbose)",
    "}");
  test("a bound field nothing reads is reported at its flag", () => {
    expect(ignored([{ path: "internal/commands/sync.go", content: cmd("_ = 0") }])).toEqual(["ignored-parameter@internal/commands/sync.go:14"]);
  });
  test("a bound field read in the package, even in another file, is quiet", () => {
    expect(ignored([{ path: "internal/commands/sync.go", content: cmd("batch(c.limit)") }])).toEqual([]);
    expect(ignored([
      { path: "internal/commands/sync.go", content: cmd("c.flush()") },
      { path: "internal/commands/flush.go", content: lines("package commands", "", "func (c *SyncCommand) flush() { batch(c.limit) }") },
    ])).toEqual([]);
  });
  test("a field of the same name read in another package does not read this one", () => {
    expect(ignored([
      { path: "internal/commands/sync.go", content: cmd("_ = 0") },
      { path: "internal/batch/batch.go", content: lines("package batch", "", "type Opts struct{ limit int }", "", "func Size(o Opts) int { return o.limit }") },
    ])).toEqual(["ignored-parameter@internal/commands/sync.go:14"]);
  });
});

describe("Go: a command-line record is read only on receivers of its own type", () => {
  const main = (use: string) => lines(
    "package main",
    "",
    "type Options struct {",
    "\tAddr    string `long:\"addr\" description:\"listen address\"`",
    "\tWorkers int    `long:\"workers\" description:\"parallel workers\"`",
    "}",
    "",
    "func main() {",
    "\tvar o Options",
    "\tparse(&o)",
    `\tserve(o.Addr${use})`,
    "}");
  const other = { path: "internal/pool/pool.go", content: lines("package pool", "", "type Config struct{ Workers int }", "", "func New(c Config) int { return c.Workers }") };
  test("a tagged field read only by another package's field of the same name is reported", () => {
    expect(ignored([{ path: "cmd/api/main.go", content: main("") }, other])).toEqual(["ignored-parameter@cmd/api/main.go:5"]);
  });
  test("read in main itself, it is quiet", () => {
    expect(ignored([{ path: "cmd/api/main.go", content: main(", o.Workers") }, other])).toEqual([]);
  });
});

describe("Rust: a Deserialize-only record the handler receives is its input, whatever the framework", () => {
  const record = lines(
    "use serde::Deserialize;",
    "",
    "#[derive(Debug, Deserialize)]",
    "pub struct Filters {",
    "    pub limit: Option<u32>,",
    "    pub with_hidden: Option<bool>,",
    "}",
    "");
  const scan = (rest: string) => ignored([{ path: "src/routes/items.rs", content: record + rest }]);
  const reads = "    store.items(f.limit.unwrap_or(20))\n}\n";
  test("wrapped by an extractor in a parameter type", () => {
    expect(scan("pub async fn list(store: Store, Extract(f): Extract<Filters>) -> Vec<Item> {\n" + reads)).toEqual(["ignored-parameter@src/routes/items.rs:6"]);
  });
  test("parsed from the handler's own request by a typed call", () => {
    expect(scan("pub fn list(store: Store, req: &mut HttpRequest) -> Vec<Item> {\n    let f = req.decode_query::<Filters>().unwrap();\n" + reads)).toEqual(["ignored-parameter@src/routes/items.rs:6"]);
  });
  test("taken by value by a function a framework attribute mounts", () => {
    expect(scan("#[rpc(name = \"items.list\")]\npub fn list(store: Store, f: Filters) -> Vec<Item> {\n" + reads)).toEqual(["ignored-parameter@src/routes/items.rs:6"]);
  });
  test("built by its own associated function from the request it is given", () => {
    const own = "impl Filters {\n    pub fn from_params(p: &Params) -> Self {\n        Filters { limit: p.get(\"limit\"), with_hidden: p.get(\"hidden\") }\n    }\n}\npub fn list(store: Store, p: &Params) -> Vec<Item> {\n    let f = Filters::from_params(p);\n" + reads;
    expect(scan(own)).toEqual(["ignored-parameter@src/routes/items.rs:6"]);
  });
  test("a response decoded from a local value, a container of records, or an unmounted function: quiet", () => {
    expect(scan("pub fn fetch(client: &Client) -> Vec<Item> {\n    let resp = client.get(URL).send().unwrap();\n    let f = resp.json::<Filters>().unwrap();\n    let store = Store::default();\n" + reads)).toEqual([]);
    expect(scan("pub fn merge(store: Store, all: Vec<Filters>) -> Vec<Item> {\n    let f = &all[0];\n" + reads)).toEqual([]);
    expect(scan("pub fn list(store: Store, f: Filters) -> Vec<Item> {\n" + reads)).toEqual([]);
  });
  test("every field read: quiet", () => {
    expect(scan("pub async fn list(store: Store, Extract(f): Extract<Filters>) -> Vec<Item> {\n    if f.with_hidden.unwrap_or(false) { store.reveal(); }\n" + reads)).toEqual([]);
  });
});

describe("TypeScript: a flag declared by a described call is an option, whatever the parser", () => {
  const cli = (action: string) => lines(
    "import { Command } from 'commander';",
    "import { deploy } from './deploy';",
    "const program = new Command();",
    "program",
    "  .command('deploy <env>')",
    "  .option('-t, --tag <tag>', 'image tag to roll out')",
    "  .option('--skip-migrations', 'do not run database migrations')",
    "  .option('--no-color', 'plain output')",
    `  .action(async (env, opts) => { ${action} });`,
    "program.parse();");
  test("a declared flag nothing reads is reported at its declaration", () => {
    expect(ignored([{ path: "src/cli.ts", content: cli("await deploy(env, { tag: opts.tag, color: opts.color });") }])).toEqual(["ignored-parameter@src/cli.ts:7"]);
  });
  test("read in the file, or handed on whole to a module that reads it: quiet", () => {
    expect(ignored([{ path: "src/cli.ts", content: cli("await deploy(env, { tag: opts.tag, color: opts.color, migrate: !opts.skipMigrations });") }])).toEqual([]);
    expect(ignored([
      { path: "src/cli.ts", content: cli("await deploy(env, opts);") },
      { path: "src/deploy.ts", content: lines("export async function deploy(env: string, o: Opts) {", "  if (!o.skipMigrations) await migrate(env);", "  await roll(env, o.tag, o.color);", "}") },
    ])).toEqual([]);
  });
  test("CSS variables set with a computed value declare no flag", () => {
    expect(ignored([{ path: "src/theme.ts", content: lines("export function paint(el: HTMLElement, h: number) {", "  el.style.setProperty('--accent', `${h}`);", "  el.style.setProperty('--accent-light', `${h + 10}%`);", "}") }])).toEqual([]);
  });
  test("flags tested on argv are reads, not declarations", () => {
    expect(ignored([{ path: "src/main.ts", content: lines("const argv = process.argv;", "if (argv.includes('--force')) wipe();", "if (argv.includes('--quiet')) mute();") }])).toEqual([]);
  });
});

describe("TypeScript: an option table beside the function that receives it", () => {
  const command = (run: string) => lines(
    "export const sync = createCommand({",
    "  name: 'sync',",
    "  options: {",
    "    remote: { kind: 'string', help: 'remote to push to' },",
    "    depth: { kind: 'number', help: 'history depth' },",
    "  },",
    `  async handler({ options }) { ${run} },`,
    "});");
  test("a spec whose key nothing reads is reported at its key", () => {
    expect(ignored([{ path: "src/commands/sync.ts", content: command("await push(options.remote);") }])).toEqual(["ignored-parameter@src/commands/sync.ts:5"]);
  });
  test("every key read: quiet; a table no sibling function receives: quiet", () => {
    expect(ignored([{ path: "src/commands/sync.ts", content: command("await push(options.remote, options.depth);") }])).toEqual([]);
    expect(ignored([{ path: "src/theme.ts", content: lines("export const theme = {", "  colors: { primary: { hex: '#000' }, muted: { hex: '#999' } },", "  render(el) { paint(el, theme.colors.primary); },", "};") }])).toEqual([]);
  });
});

describe("options declared by name and looked up by the same string", () => {
  const rs = (lookups: string) => lines(
    "fn main() {",
    "    let mut spec = Spec::new();",
    "    spec.declare(\"d\", \"dir\", \"directory to index\", \"PATH\");",
    "    spec.declare(\"\", \"jobs\", \"parallel indexers\", \"N\");",
    "    spec.flag(\"\", \"follow\", \"follow symbolic links\");",
    "    let got = spec.parse(std::env::args().skip(1)).unwrap();",
    `    ${lookups}`,
    "}");
  test("Rust: a declared name no other string repeats is reported at its name", () => {
    expect(ignored([{ path: "src/bin/indexer.rs", content: rs("index(got.value(\"dir\"), got.has(\"follow\"));") }])).toEqual(["ignored-parameter@src/bin/indexer.rs:4"]);
  });
  test("Rust: every name looked up, or none looked up by string at all: quiet", () => {
    expect(ignored([{ path: "src/bin/indexer.rs", content: rs("index(got.value(\"d\"), got.has(\"follow\"), got.value(\"jobs\"));") }])).toEqual([]);
    expect(ignored([{ path: "src/bin/indexer.rs", content: rs("index(Config::from(got));") }])).toEqual([]);
    expect(ignored([{ path: "src/headers.rs", content: lines("fn h(m: &mut Map) {", "    m.insert(\"accept\", \"text/plain; q=1\");", "    m.insert(\"x-mode\", \"a b\");", "    send(m.get(\"accept\"));", "}") }])).toEqual([]);
  });
  const py = (body: string) => lines(
    '"""shrink -- compress images in place.',
    "",
    "Usage:",
    "  shrink <dir> [--quality=<q>] [--keep-exif] [--recursive]",
    "",
    "Options:",
    "  --quality=<q>   JPEG quality [default: 85].",
    "  --keep-exif     Keep EXIF metadata.",
    "  -r --recursive  Descend into subdirectories.",
    "  -h --help       Show this screen.",
    '"""',
    "from docopt import docopt",
    "",
    "def main():",
    "    opts = docopt(__doc__)",
    `    ${body}`);
  test("Python: an option of the usage text handed to the parser that nothing looks up is reported on its line", () => {
    expect(ignored([{ path: "shrink/cli.py", content: py("compress(opts['<dir>'], int(opts['--quality']), opts['--recursive'])") }])).toEqual(["ignored-parameter@shrink/cli.py:8"]);
  });
  test("Python: every option looked up, or the result handed on whole: quiet", () => {
    expect(ignored([{ path: "shrink/cli.py", content: py("compress(opts['<dir>'], int(opts['--quality']), opts['--recursive'], opts['--keep-exif'])") }])).toEqual([]);
    expect(ignored([{ path: "shrink/cli.py", content: py("compress(**normalise(opts))") }])).toEqual([]);
  });
});

describe("Python: a defaulted option dropped beside a defaulted sibling the body reads", () => {
  const actor = (body: string, extra = "") => lines(
    "import dramatiq",
    "",
    "@dramatiq.actor(max_retries=3)",
    "def send_digest(user_id: int, *, period: str = \"daily\", channel: str = \"email\", locale: str = \"en\"):",
    `    ${body}`,
    extra);
  test("the dropped option is reported, even when the function is handed on as a value", () => {
    expect(ignored([{ path: "digest/tasks.py", content: actor("mail(user_id, render(load(user_id, period), locale))") }])).toEqual(["ignored-parameter@digest/tasks.py:4"]);
    expect(ignored([{ path: "digest/tasks.py", content: actor("mail(user_id, render(load(user_id, period), locale))", "REGISTRY = [send_digest]") }])).toEqual(["ignored-parameter@digest/tasks.py:4"]);
  });
  test("every option read: quiet; no defaulted sibling read (a callback's fixed shape), or a method of a class with a base: quiet", () => {
    expect(ignored([{ path: "digest/tasks.py", content: actor("deliver(channel, user_id, render(load(user_id, period), locale))") }])).toEqual([]);
    expect(ignored([{ path: "digest/hooks.py", content: lines("def on_event(event, source: str = \"\", meta: dict = None):", "    log(event)", "", "bus.subscribe(on_event)") }])).toEqual([]);
    const hook = lines("class Digest(Plugin):", "    @hook(\"digest\")", "    def build(self, user_id: int, period: str = \"daily\", channel: str = \"email\"):", "        return load(user_id, period)");
    expect(ignored([{ path: "digest/plugin.py", content: hook }])).toEqual([]);
  });
});

describe("Go: a field read on a receiver declared with another type does not read the record's field", () => {
  const repo = (use: string) => lines(
    "package inventory",
    "",
    "type Server struct {",
    "\tName  string",
    "\tOwner string",
    "}",
    "",
    "type SearchOpts struct {",
    "\tRegion string",
    "\tOwner  string",
    "\tLimit  int",
    "}",
    "",
    "type Repo struct{ db *DB }",
    "",
    "func (r *Repo) Search(o SearchOpts) ([]Server, error) {",
    `\trows := r.db.Find(o.Region, o.Limit${use})`,
    "\tvar out []Server",
    "\tfor rows.Next() {",
    "\t\tvar sv Server",
    "\t\trows.Scan(&sv.Name, &sv.Owner)",
    "\t\tout = append(out, sv)",
    "\t}",
    "\treturn out, nil",
    "}");
  test("the filter's field, read only as another struct's field, is reported", () => {
    expect(ignored([{ path: "internal/inventory/repo.go", content: repo("") }])).toEqual(["ignored-parameter@internal/inventory/repo.go:10"]);
  });
  test("read on the filter itself: quiet", () => {
    expect(ignored([{ path: "internal/inventory/repo.go", content: repo(", o.Owner") }])).toEqual([]);
  });
  test("embedded in another struct, its fields are promoted and read on the outer type: quiet", () => {
    const embedded = repo("").replace("type Repo struct{ db *DB }", "type Repo struct{ db *DB }\n\ntype Saved struct {\n\tSearchOpts\n\tName string\n}\n\nfunc show(s Saved) string { return s.Owner }");
    expect(ignored([{ path: "internal/inventory/repo.go", content: embedded }])).toEqual([]);
  });
  test("read in another file on a receiver whose type is not declared there: quiet", () => {
    expect(ignored([
      { path: "internal/inventory/repo.go", content: repo("") },
      { path: "internal/inventory/audit.go", content: lines("package inventory", "", "func audit(all []SearchOpts) {", "\tfor _, q := range all {", "\t\tlog(q.Owner)", "\t}", "}") },
    ])).toEqual([]);
  });
});

describe("Go: a payload handed to a function wrapped in a generic type is an input", () => {
  const worker = (use: string) => lines(
    "package tasks",
    "",
    "type ResizeArgs struct {",
    "\tImageID string `json:\"image_id\"`",
    "\tWidth   int    `json:\"width\"`",
    "\tFormat  string `json:\"format,omitempty\"`",
    "}",
    "",
    "type Image struct {",
    "\tID     string",
    "\tFormat string",
    "}",
    "",
    "type ResizeWorker struct{ store Store }",
    "",
    "func (w *ResizeWorker) Handle(ctx context.Context, t *queue.Task[ResizeArgs]) error {",
    "\timg, err := w.store.Load(ctx, t.Args.ImageID)",
    "\tif err != nil {",
    "\t\treturn err",
    "\t}",
    `\treturn w.store.Save(ctx, resize(img, t.Args.Width${use}), img.ID)`,
    "}");
  test("a payload field nothing reads is reported", () => {
    expect(ignored([{ path: "internal/tasks/resize.go", content: worker("") }])).toEqual(["ignored-parameter@internal/tasks/resize.go:6"]);
  });
  test("every payload field read: quiet", () => {
    expect(ignored([{ path: "internal/tasks/resize.go", content: worker(", t.Args.Format") }])).toEqual([]);
  });
});

describe("TypeScript: an option table handed on whole is read wherever it goes", () => {
  test("a consumer passing the table to another function: quiet", () => {
    const src = lines(
      "export const report = createCommand({",
      "  options: { since: { kind: 'string' }, format: { kind: 'string' } },",
      "  async handler({ options }) { await render(load(options.since), options); },",
      "});");
    expect(ignored([{ path: "src/commands/report.ts", content: src }])).toEqual([]);
  });
});
