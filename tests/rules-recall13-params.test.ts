// Issue-10 second recall pass on ignored-parameter and swallowed-error: options followed from where they are
// declared to where they are read, in any library's idiom, and the dropped Close of a written file. Each shape
// has a case the floor must report and a decoy it must stay quiet on (fresh snippets in libraries that are not
// in the development corpora).
import { describe, expect, test } from "bun:test";
import { foundIn, lines, scanSnippets } from "./support/snippet-scan";

const params = (path: string, content: string) => foundIn([{ path, content }], /^ignored-parameter$/);

describe("Python: a decorator that names a parameter and describes it declares a command-line option", () => {
  const cli = (body: string) => lines(
    "import runner",
    "",
    "@runner.param(\"window\", \"hours of history to scan\")",
    "@runner.param(\"limit\", \"most rows to print\")",
    "def audit(window=24, limit=50):",
    body,
    "",
    "if __name__ == \"__main__\":",
    "    runner.invoke(audit)");
  test("an option never read is reported at its decorator, even though the function is handed over by value", () => {
    expect(params("tools/audit.py", cli("    print(rows(limit=limit))"))).toEqual(["ignored-parameter@tools/audit.py:3"]);
  });
  test("an option read is not; a decorator whose second argument is no prose declares nothing", () => {
    expect(params("tools/audit.py", cli("    print(rows(hours=window, limit=limit))"))).toEqual([]);
    const cached = lines(
      "@memo.keyed(\"window\", 60)",
      "def _audit(window=24, limit=50):",
      "    return rows(limit=limit)",
      "",
      "jobs.add(_audit)");
    expect(params("tools/audit.py", cached)).toEqual([]);
  });
});

describe("Python: a docstring sentence saying the parameter is not consulted documents an imposed signature", () => {
  const hook = (doc: string) => lines(
    "def check_api_key(key: str, required_scopes=None) -> dict | None:",
    `    """${doc}"""`,
    "    if hmac.compare_digest(key, expected_key()):",
    "        return {\"sub\": \"svc\"}",
    "    return None");
  test("a docstring that only describes the hook leaves the drop reported", () => {
    expect(params("svc/keys.py", hook("Validate a service key."))).toEqual(["ignored-parameter@svc/keys.py:1"]);
  });
  test("a sentence naming the parameter as not consulted, even wrapped over lines, exempts it", () => {
    expect(params("svc/keys.py", hook("Validate a service key.\n\n    ``required_scopes`` comes with the loader's\n    calling convention; keys carry none, so it is not consulted.\n    "))).toEqual([]);
  });
});

describe("TypeScript: a type member naming a flag is not a read of it", () => {
  const prog = (body: string) => lines(
    "import cli from 'tiny-cli';",
    "const app = cli('deploy');",
    "app.option('--force', 'overwrite a release that exists');",
    "app.option('--tag <name>', 'release tag to publish');",
    "app.handler(async (opts: { force?: boolean; tag: string }) => {",
    body,
    "});",
    "app.run(process.argv);");
  test("a flag whose only mention after its declaration is the handler's parameter type is reported", () => {
    expect(params("bin/deploy.ts", prog("  await publish(opts.tag);"))).toEqual(["ignored-parameter@bin/deploy.ts:3"]);
  });
  test("a flag the handler reads is not", () => {
    expect(params("bin/deploy.ts", prog("  await publish(opts.tag, { overwrite: opts.force });"))).toEqual([]);
  });
});

describe("Go: options declared by statement calls on one receiver and looked up by name", () => {
  const main = (lookups: string) => lines(
    "package main",
    "",
    "func setup(sync *climate.Command) {",
    "\tsync.Text(\"region\", \"eu-1\", climate.Usage(\"region to mirror\"))",
    "\tsync.Number(\"parallel\", 4, climate.Usage(\"copies in flight\"))",
    "\tsync.Run(mirrorCmd)",
    "}",
    "",
    "func mirrorCmd(r *climate.Result) error {",
    lookups,
    "}");
  test("a declared option no string of the file looks up is reported at its name", () => {
    expect(params("cmd/mirror/main.go", main("\t\treturn mirror(r.Text(\"region\"), 4)"))).toEqual(["ignored-parameter@cmd/mirror/main.go:5"]);
  });
  test("options of a receiver not handed this file's command function are left to the file that reads them", () => {
    expect(params("cmd/mirror/main.go", main("\t\treturn mirror(r.Text(\"region\"), 4)").replace("sync.Run(mirrorCmd)", "sync.Run(other.Cmd)"))).toEqual([]);
  });
  test("every option looked up, or a file that looks none up by name, is quiet", () => {
    expect(params("cmd/mirror/main.go", main("\t\treturn mirror(r.Text(\"region\"), r.Number(\"parallel\"))"))).toEqual([]);
    expect(params("cmd/mirror/main.go", main("\t\treturn mirror(r.All())"))).toEqual([]);
  });
});

describe("Rust: a subcommand variant's field bound by a match arm that never reads it", () => {
  const prog = (arm: string) => lines(
    "#[derive(Debug, Options)]",
    "enum Cmd {",
    "    Mirror {",
    "        #[options(long)]",
    "        region: String,",
    "        #[options(long)]",
    "        parallel: usize,",
    "    },",
    "    Status,",
    "}",
    "",
    "fn main() {",
    "    match Cmd::parse_args_default_or_exit() {",
    arm,
    "        Cmd::Status => status(),",
    "    }",
    "}");
  test("a field every pattern binds and no arm reads is reported at its declaration", () => {
    expect(params("src/main.rs", prog("        Cmd::Mirror { region, parallel } => mirror(&region, 4),"))).toEqual(["ignored-parameter@src/main.rs:7"]);
  });
  test("a bound field the arm reads is not", () => {
    expect(params("src/main.rs", prog("        Cmd::Mirror { region, parallel } => mirror(&region, parallel),"))).toEqual([]);
  });
});

describe("Go: the dropped Close of a file this function wrote is a claim", () => {
  const save = (open: string, use: string) => lines(
    "package export",
    "",
    "func Save(path string, rows []string) (string, error) {",
    `\tf, err := ${open}`,
    "\tif err != nil {",
    "\t\treturn \"\", err",
    "\t}",
    use,
    "\t_ = f.Close()",
    "\treturn path, nil",
    "}");
  test("a created file's Close dropped before success is reported as a claim, not a lead", () => {
    const found = scanSnippets([{ path: "export/save.go", content: save("os.Create(path)", "\tfmt.Fprintln(f, rows)") }], /^swallowed-error$/);
    expect(found.map((f) => `${f.line}:${f.lead === true}`)).toEqual(["9:false"]);
  });
  test("a deferred Close, or a Close on an error path, stays a lead", () => {
    const deferred = lines(
      "package export",
      "",
      "func Save(path string, rows []string) (string, error) {",
      "\tf, err := os.Create(path)",
      "\tif err != nil {",
      "\t\treturn \"\", err",
      "\t}",
      "\tdefer func() { _ = f.Close() }()",
      "\tif _, err := fmt.Fprintln(f, rows); err != nil {",
      "\t\t_ = f.Close()",
      "\t\treturn \"\", err",
      "\t}",
      "\treturn path, nil",
      "}");
    const found = scanSnippets([{ path: "export/save.go", content: deferred }], /^swallowed-error$/);
    expect(found.filter((f) => f.lead !== true).map((f) => f.line)).toEqual([]);
  });
  test("a file only read is not reported", () => {
    expect(scanSnippets([{ path: "export/save.go", content: save("os.Open(path)", "\tn, _ := io.Copy(io.Discard, f)\n\t_ = n") }], /^swallowed-error$/)
      .filter((f) => f.line === 9)).toEqual([]);
  });
});

describe("Python: a narrow suppression around a durable write", () => {
  const job = (stmt: string) => lines(
    "async def finish(pool, run_id):",
    "    with contextlib.suppress(aiomysql.Error):",
    `        ${stmt}`);
  test("an UPDATE under `suppress(DriverError)` is reported at the suppression", () => {
    expect(foundIn([{ path: "jobs/finish.py", content: job("await pool.execute(\"UPDATE runs SET done = 1 WHERE id = %s\", run_id)") }], /^swallowed-error$/))
      .toEqual(["swallowed-error@jobs/finish.py:2"]);
  });
  test("a read under the same suppression is not", () => {
    expect(foundIn([{ path: "jobs/finish.py", content: job("return await pool.fetchone(\"SELECT done FROM runs WHERE id = %s\", run_id)") }], /^swallowed-error$/)).toEqual([]);
  });
});

describe("a swallowed failure followed by a record's status assignment is a claim", () => {
  const view = (after: string) => lines(
    "def cancel(order):",
    "    try:",
    "        courier.recall(order.parcel_id)",
    "    except Exception:",
    "        pass",
    after,
    "    return order");
  test("the outcome written down after the swallow makes the lead a claim", () => {
    const found = scanSnippets([{ path: "shop/orders.py", content: view("    order.status = Status.CANCELLED") }], /^swallowed-error$/);
    expect(found.map((f) => `${f.line}:${f.lead === true}`)).toEqual(["4:false"]);
  });
  test("without it the swallow stays a lead", () => {
    const found = scanSnippets([{ path: "shop/orders.py", content: view("    log.info('cancel requested')") }], /^swallowed-error$/);
    expect(found.map((f) => `${f.line}:${f.lead === true}`)).toEqual(["4:true"]);
  });
});
