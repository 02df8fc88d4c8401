// Seventh pass on issue 10 (ignored-parameter): each shape with a case the floor must report and a decoy it
// must not (fresh snippets, not corpus code).
import { describe, expect, test } from "bun:test";
import { foundIn, lines, type SnippetFile as File } from "./support/snippet-scan";

const found = (...files: File[]) => foundIn(files, /ignored-parameter/);

describe("Rust: `x.f(..)` elsewhere is a method call, not a read of a request field `f`", () => {
  const handler = { path: "src/routes.rs", content: lines(
    "#[derive(Deserialize)]",
    "pub struct SearchQuery {",
    "    pub term: String,",
    "    pub region: Option<String>,",
    "}",
    "pub async fn search(Query(q): Query<SearchQuery>, db: Data<Pool>) -> HttpResponse {",
    "    let rows = db.search(&q.term).await;",
    "    HttpResponse::Ok().json(rows)",
    "}") };
  test("another file calls `geo.region()`: the field is still unread, reported", () => {
    const other = { path: "src/geo.rs", content: lines("pub fn label(geo: &Geo) -> String {", "    geo.region().to_string()", "}") };
    expect(found(handler, other)).toEqual(["ignored-parameter@src/routes.rs:4"]);
  });
  test("another file reads `q.region` as a field: not reported", () => {
    const other = { path: "src/filter.rs", content: lines("pub fn scope(q: &crate::routes::SearchQuery) -> &str {", "    q.region.as_deref().unwrap_or(\"*\")", "}") };
    expect(found(handler, other)).toEqual([]);
  });
});

describe("a record the file's own parser builds and consumes field by field", () => {
  const ts = (use: string) => ({ path: "src/routes/users.ts", content: lines(
    "export interface PageQuery {",
    "  size: number;",
    "  after?: string;",
    "  withDisabled: boolean;",
    "}",
    "function readPageQuery(q: Record<string, string>): PageQuery {",
    "  return { size: Number(q.size ?? 20), after: q.after, withDisabled: q.disabled === \"1\" };",
    "}",
    "export async function listUsers(req: Req, res: Res) {",
    "  const page = readPageQuery(req.query);",
    use,
    "}") });
  test("TS: the handler reads two of three parsed fields: the third is reported at its declaration", () => {
    expect(found(ts("  res.json(await db.users(page.size, page.after));"))).toEqual(["ignored-parameter@src/routes/users.ts:4"]);
  });
  test("TS: the parsed record handed on whole (a serializer, another module) is not reported", () => {
    expect(found(ts("  res.json(await db.users(page));"))).toEqual([]);
    expect(found(ts("  res.json({ ...page, users: await db.users(page.size, page.after) });"))).toEqual([]);
  });
  test("a record computed from several inputs (a result, not a parse) with a field nobody reads: not reported", () => {
    const src = lines(
      "export interface Totals {",
      "  net: number;",
      "  tax: number;",
      "  lines: number;",
      "}",
      "function totalsOf(items: Item[], rate: number): Totals {",
      "  const net = items.reduce((s, i) => s + i.price, 0);",
      "  return { net, tax: net * rate, lines: items.length };",
      "}",
      "export function invoiceText(items: Item[], rate: number): string {",
      "  const t = totalsOf(items, rate);",
      "  return `${t.net} + ${t.tax}`;",
      "}");
    expect(found({ path: "src/invoice.ts", content: src })).toEqual([]);
  });
  const rs = (use: string) => ({ path: "src/main.rs", content: lines(
    "struct Opts {",
    "    input: PathBuf,",
    "    jobs: usize,",
    "    follow_links: bool,",
    "}",
    "fn read_opts() -> Result<Opts, String> {",
    "    let mut input = None;",
    "    let mut jobs = 1;",
    "    let mut follow_links = false;",
    "    for a in std::env::args().skip(1) {",
    "        match a.as_str() {",
    "            \"-L\" => follow_links = true,",
    "            \"-j8\" => jobs = 8,",
    "            p => input = Some(PathBuf::from(p)),",
    "        }",
    "    }",
    "    Ok(Opts { input: input.ok_or(\"no input\")?, jobs, follow_links })",
    "}",
    "fn index(opts: &Opts) -> usize {",
    "    walk(&opts.input, opts.jobs)",
    "}",
    "fn main() {",
    "    let opts = read_opts().expect(\"usage\");",
    use,
    "}") });
  test("Rust: a private struct filled by a hand-written argv parser, one field never read: reported", () => {
    expect(found(rs("    println!(\"{}\", index(&opts));"))).toEqual(["ignored-parameter@src/main.rs:4"]);
  });
  test("Rust: every field read (in a taker or the caller), or the record handed to a function of another module: not reported", () => {
    expect(found(rs("    if opts.follow_links { eprintln!(\"following\"); }\n    println!(\"{}\", index(&opts));"))).toEqual([]);
    expect(found(rs("    println!(\"{}\", other::index(&opts));"))).toEqual([]);
  });
});

describe("Python: a function handed to a scheduler with the unread parameter bound by name", () => {
  const src = (wire: string) => ({ path: "app/tasks.py", content: lines(
    "def rebuild_index(store, shard, verbose=False):",
    "    store.rebuild(shard)",
    "",
    "def install(sched, store):",
    wire) });
  test("`kwargs={\"verbose\": ..}` or `partial(f, verbose=..)`: the caller passes it, the function drops it: reported", () => {
    expect(found(src("    sched.add_job(rebuild_index, \"cron\", kwargs={\"store\": store, \"shard\": 1, \"verbose\": True})"))).toEqual(["ignored-parameter@app/tasks.py:1"]);
    expect(found(src("    sched.every(60, functools.partial(rebuild_index, store, 1, verbose=True))"))).toEqual(["ignored-parameter@app/tasks.py:1"]);
  });
  test("handed over without binding it (the receiver imposes the signature): not reported", () => {
    expect(found(src("    sched.add_job(rebuild_index, \"cron\", args=[store, 1])"))).toEqual([]);
    expect(found(src("    sched.add_job(rebuild_index, \"cron\", kwargs={\"store\": store, \"shard\": 1}, verbose=True)"))).toEqual([]);
  });
});

describe("Go: a package-level flag variable nothing reads", () => {
  const main = { path: "cmd/tool/main.go", content: lines(
    "package main",
    "",
    "import flag \"github.com/spf13/pflag\"",
    "",
    "var (",
    "\tout     = flag.StringP(\"out\", \"o\", \"-\", \"output file\")",
    "\tparallel = flag.Int(\"parallel\", 4, \"concurrent fetches\")",
    ")",
    "",
    "func main() {",
    "\tflag.Parse()",
    "\trun(*out)",
    "}") };
  test("a flag defined and never dereferenced: reported at the variable", () => {
    expect(found(main)).toEqual(["ignored-parameter@cmd/tool/main.go:7"]);
  });
  test("read in another file of the package, or only in a test (which does not count): decided across files", () => {
    expect(found(main, { path: "cmd/tool/fetch.go", content: lines("package main", "", "func pool() int { return *parallel }") })).toEqual([]);
    expect(found(main, { path: "cmd/tool/main_test.go", content: lines("package main", "", "func TestP(t *testing.T) { _ = *parallel }") })).toEqual(["ignored-parameter@cmd/tool/main.go:7"]);
  });
  test("a variable holding a command or a flag set, and a file importing no flag package: not reported", () => {
    expect(found({ path: "cmd/x/main.go", content: lines("package main", "import \"flag\"", "var fs = flag.NewFlagSet(\"x\", flag.ExitOnError)", "func main() {}") })).toEqual([]);
    expect(found({ path: "cmd/x/main.go", content: lines("package main", "import \"strings\"", "var sep = strings.Repeat(\"-\", 4)", "func main() {}") })).toEqual([]);
  });
});

describe("Python: a command class declaring options in one method and consuming them in another", () => {
  const cmd = (body: string) => ({ path: "shop/management/commands/prune_carts.py", content: lines(
    "class Command(BaseCommand):",
    "    def add_arguments(self, parser):",
    "        parser.add_argument(\"--days\", type=int, default=14)",
    "        parser.add_argument(\"--only-guests\", action=\"store_true\")",
    "",
    "    def handle(self, *args, **options):",
    "        cutoff = timezone.now() - timedelta(days=options[\"days\"])",
    body) });
  test("a declared option the consumer never reads: reported at its add_argument", () => {
    expect(found(cmd("        Cart.objects.filter(updated__lt=cutoff).delete()"))).toEqual(["ignored-parameter@shop/management/commands/prune_carts.py:4"]);
  });
  test("read through .get, or the options handed on whole: not reported", () => {
    expect(found(cmd("        carts = Cart.objects.filter(updated__lt=cutoff)\n        if options.get(\"only_guests\"):\n            carts = carts.filter(user=None)\n        carts.delete()"))).toEqual([]);
    expect(found(cmd("        prune(cutoff, **options)"))).toEqual([]);
  });
});

describe("Rust: a configuration record deserialized by a loader of its file, read in other files", () => {
  const config = (derive: string) => ({ path: "src/settings.rs", content: lines(
    derive,
    "pub struct Settings {",
    "    pub bind: String,",
    "    pub cache: CacheSettings,",
    "}",
    derive,
    "pub struct CacheSettings {",
    "    pub capacity: usize,",
    "    pub ttl_secs: u64,",
    "}",
    "pub fn read(path: &Path) -> anyhow::Result<Settings> {",
    "    Ok(serde_yaml::from_str(&std::fs::read_to_string(path)?)?)",
    "}") });
  const user = { path: "src/server.rs", content: lines(
    "pub fn start(s: &Settings) -> Server {",
    "    let cache = Cache::new(s.cache.capacity);",
    "    Server::bind(&s.bind, cache)",
    "}") };
  test("a nested setting no file reads: reported at its field", () => {
    expect(found(config("#[derive(Debug, Clone, Deserialize)]"), user)).toEqual(["ignored-parameter@src/settings.rs:9"]);
  });
  test("read in another file, or the record also serialized (an output): not reported", () => {
    const reads = { path: "src/cache.rs", content: lines("pub fn expiry(c: &CacheSettings) -> Duration {", "    Duration::from_secs(c.ttl_secs)", "}") };
    expect(found(config("#[derive(Debug, Clone, Deserialize)]"), user, reads)).toEqual([]);
    expect(found(config("#[derive(Debug, Clone, Serialize, Deserialize)]"), user)).toEqual([]);
  });
  test("a Deserialize record no function of its file loads (an API response type): not reported", () => {
    const resp = { path: "src/api.rs", content: lines("#[derive(Deserialize)]", "pub struct Reply {", "    pub id: u64,", "    pub etag: String,", "}", "pub fn id_of(r: &Reply) -> u64 {", "    r.id", "}") };
    expect(found(resp)).toEqual([]);
  });
});

describe("Go: a method drops one of two same-typed criteria of an interface the repository declares", () => {
  const impl = { path: "internal/repo/tickets.go", content: lines(
    "package repo",
    "",
    "func (r *Repo) Search(ctx context.Context, project string, label string, limit int) ([]Ticket, error) {",
    "\treturn r.query(ctx, \"SELECT * FROM tickets WHERE project = $1 LIMIT $2\", project, limit)",
    "}") };
  const iface = { path: "internal/api/deps.go", content: lines(
    "package api",
    "",
    "type Tickets interface {",
    "\tSearch(ctx context.Context, project string, label string, limit int) ([]repo.Ticket, error)",
    "}") };
  const fake = { path: "internal/api/tickets_test.go", content: lines(
    "package api",
    "",
    "func (f *fakeTickets) Search(_ context.Context, project, label string, limit int) ([]repo.Ticket, error) {",
    "\treturn filter(f.rows, project, label, limit), nil",
    "}") };
  test("the only shipped implementation (a test fake aside) ignores `label`: reported", () => {
    expect(found(impl, iface, fake)).toEqual(["ignored-parameter@internal/repo/tickets.go:3"]);
  });
  test("another shipped implementation, or no interface declared here (a library's may impose it): not reported", () => {
    const other = { path: "internal/repo/cache.go", content: lines("package repo", "", "func (c *Cached) Search(ctx context.Context, project string, label string, limit int) ([]Ticket, error) {", "\treturn c.inner.Search(ctx, project, label, limit)", "}") };
    expect(found(impl, iface, other)).toEqual([]);
    expect(found(impl, fake)).toEqual([]);
  });
});
