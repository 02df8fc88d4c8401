// Seventh pass on issue 10 (hardcoded-secret, insecure-compare, stub, swallowed-error): each shape with a case
// the floor must report and a decoy it must not (fresh snippets, not corpus code).
import { describe, expect, test } from "bun:test";
import { foundIn, lines, type SnippetFile as File } from "./support/snippet-scan";

const MINE = /^(hardcoded-secret|insecure-compare|stub|swallowed-error)$/;
const found = (...files: File[]) => foundIn(files, MINE);

describe("hardcoded-secret: a flag's default is the value the program runs with", () => {
  const kingpin = (tail: string) => lines(
    "package main",
    "",
    "var (",
    "\tapp      = kingpin.New(\"tagger\", \"Tags builds.\")",
    "\tstampKey = app.Flag(\"stamp-key\", \"Key that stamps build ids.\").",
    `\t\tEnvar("TAGGER_STAMP_KEY").${tail}.String()`,
    ")");
  test("a random run as the default of a key-named kingpin flag: reported", () => {
    expect(found({ path: "cmd/tagger/main.go", content: kingpin('Default("tk_live_0c8e2a6f4b9d13e7a5c2f8b0d4e6a91c")') })).toEqual(["hardcoded-secret@cmd/tagger/main.go:6"]);
  });
  test("the same flag required, or defaulting to a readable word: not reported", () => {
    expect(found({ path: "cmd/tagger/main.go", content: kingpin("Required()") })).toEqual([]);
    expect(found({ path: "cmd/tagger/main.go", content: kingpin('Default("build_number")') })).toEqual([]);
  });
  test("flag and pflag positional defaults", () => {
    const std = (v: string) => lines("package main", "", "func main() {", `\tsecret := flag.String("webhook-secret", "${v}", "shared secret")`, "\tflag.Parse()", "\tserve(*secret)", "}");
    expect(found({ path: "main.go", content: std("Wm4kQ9zP2xL7vT3nB8rC5hJd") })).toEqual(["hardcoded-secret@main.go:4"]);
    expect(found({ path: "main.go", content: std("") })).toEqual([]);
  });
  test("argparse: an option's default under a secret-named flag", () => {
    const py = (v: string) => lines("def parser():", "    p = argparse.ArgumentParser()", `    p.add_argument("--api-token", default=${v})`, "    return p");
    expect(found({ path: "tool/cli.py", content: py('"Zt8nQ2wX7mK4pL9vR3cB6hJ"') })).toEqual(["hardcoded-secret@tool/cli.py:3"]);
    expect(found({ path: "tool/cli.py", content: py('os.environ.get("API_TOKEN")') })).toEqual([]);
  });
});

describe("hardcoded-secret: a plural secret name holds secrets", () => {
  const ts = (v: string) => lines("const cookieSecrets = (", `  process.env.COOKIE_SECRETS ?? ${v}`, ").split(\",\");");
  test("a random run as the fallback of a list of secrets: reported", () => {
    expect(found({ path: "src/session.ts", content: ts('"4d9b2f7e1c8a3f6e0b5d9c2a7f4e1b8d"') })).toEqual(["hardcoded-secret@src/session.ts:2"]);
  });
  test("an empty fallback: not reported", () => {
    expect(found({ path: "src/session.ts", content: ts('""') })).toEqual([]);
  });
});

describe("insecure-compare: a header read written as a chain over lines", () => {
  const rs = (header: string) => lines(
    "impl<S> Service<Request> for Gate<S> {",
    "    async fn call(&self, req: Request) -> Result<Response, Error> {",
    "        let sent = req",
    "            .headers()",
    `            .get("${header}")`,
    "            .and_then(|v| v.to_str().ok())",
    "            .unwrap_or_default();",
    "        if sent == self.expected { return self.inner.call(req).await; }",
    "        Ok(deny(req))",
    "    }",
    "}");
  test("a key header compared with ==: reported", () => {
    expect(found({ path: "src/gate.rs", content: rs("x-deploy-key") })).toEqual(["insecure-compare@src/gate.rs:8"]);
  });
  test("a header that carries no credential: not reported", () => {
    expect(found({ path: "src/gate.rs", content: rs("x-request-region") })).toEqual([]);
  });
});

describe("swallowed-error: except OSError around removing a file the function found", () => {
  const job = (handler: string) => lines(
    "def prune(cache_dir, keep):",
    "    for entry in sorted(cache_dir.iterdir())[keep:]:",
    "        try:",
    "            entry.unlink()",
    `        except ${handler}:`,
    "            pass");
  test("OSError passed over: reported", () => {
    expect(found({ path: "app/prune.py", content: job("OSError") })).toEqual(["swallowed-error@app/prune.py:5"]);
  });
  test("FileNotFoundError (already gone) passed over: not reported", () => {
    expect(found({ path: "app/prune.py", content: job("FileNotFoundError") })).toEqual([]);
  });
  test("removing the function's own temp file: not reported", () => {
    const tmp = lines(
      "def publish(dest, text):",
      "    fd, scratch = tempfile.mkstemp()",
      "    with os.fdopen(fd, \"w\") as out:",
      "        out.write(text)",
      "    shutil.copy(scratch, dest)",
      "    try:",
      "        os.remove(scratch)",
      "    except OSError:",
      "        pass");
    expect(found({ path: "app/publish.py", content: tmp })).toEqual([]);
  });
});

describe("stub: a routed handler answering a record of its inputs and empty values", () => {
  const view = (ret: string, before = "") => lines(
    "from flask import Blueprint, jsonify",
    "",
    "bp = Blueprint(\"stats\", __name__)",
    "",
    "",
    "@bp.get(\"/teams/<team_id>/stats\")",
    "def team_stats(team_id):",
    ...(before ? [`    ${before}`] : []),
    "    # TODO: aggregate from the events table",
    `    return jsonify(${ret})`);
  test("inputs and empty values only: reported at the return", () => {
    expect(found({ path: "app/stats.py", content: view('{"team": team_id, "events": [], "score": 0}') })).toEqual(["stub@app/stats.py:9"]);
  });
  test("a computed value in the record, or work before it: not reported", () => {
    expect(found({ path: "app/stats.py", content: view('{"team": team_id, "events": load(team_id), "score": 0}') })).toEqual([]);
    expect(found({ path: "app/stats.py", content: view('{"team": team_id, "events": [], "score": 0}', "audit(team_id)") })).toEqual([]);
  });
});

describe("swallowed-error: a comment naming one outcome of a removal the function was handed", () => {
  const handler = (call: string) => lines(
    "export async function dropMember(req: Req, res: Res) {",
    "  let gone = 0;",
    "  try {",
    `    gone = await ${call};`,
    "  } catch {",
    "    // the member may already have left",
    "  }",
    "  res.status(204).json({ gone });",
    "}");
  test("the handler's own removal, excused by the comment: reported", () => {
    expect(found({ path: "src/members.ts", content: handler("deleteMember(req.params.team, req.params.user)") })).toEqual(["swallowed-error@src/members.ts:5"]);
  });
  test("a removal of nothing the caller handed (a fixed key): not reported", () => {
    expect(found({ path: "src/members.ts", content: handler('deleteMember(DEFAULT_TEAM, "bootstrap")') })).toEqual([]);
  });
  test("disposing of a handed input the function already used (cleanup after its work): not reported", () => {
    const publish = lines(
      "export async function publish(bundlePath: string) {",
      "  await bucket.upload(readFileSync(bundlePath));",
      "  try {",
      "    await unlink(bundlePath);",
      "  } catch {",
      "    // the bundle may already have been swept",
      "  }",
      "}");
    expect(found({ path: "src/publish.ts", content: publish })).toEqual([]);
  });
});

describe("hardcoded-secret: an environment lookup's fallback, the variable naming a key", () => {
  const key = '"7b1e9c4f2a8d6e30c5f1a7b9d2e4c8f6"';
  test("TypeScript, Python, Go and Rust fallbacks: reported", () => {
    expect(found({ path: "src/sign.ts", content: lines(`export const mac = hmacWith(process.env.LEDGER_MAC_KEY || ${key});`) })).toEqual(["hardcoded-secret@src/sign.ts:1"]);
    expect(found({ path: "app/sign.py", content: lines(`mac = hmac_with(os.environ.get("LEDGER_MAC_KEY", ${key}))`) })).toEqual(["hardcoded-secret@app/sign.py:1"]);
    expect(found({ path: "sign.go", content: lines("package sign", "", `var macKey = cmp.Or(os.Getenv("LEDGER_MAC_KEY"), ${key})`) })).toEqual(["hardcoded-secret@sign.go:3"]);
    expect(found({ path: "src/sign.rs", content: lines("fn mac_key() -> String {", `    std::env::var("LEDGER_MAC_KEY").unwrap_or(${key}.into())`, "}") })).toEqual(["hardcoded-secret@src/sign.rs:2"]);
  });
  test("a variable naming no key, or a readable fallback: not reported", () => {
    expect(found({ path: "src/sign.ts", content: lines(`export const region = process.env.LEDGER_REGION || ${key};`) })).toEqual([]);
    expect(found({ path: "app/sign.py", content: lines('order = os.environ.get("LEDGER_SORT_KEY", "posted_at")') })).toEqual([]);
  });
});

describe("hardcoded-secret: clap and commander option defaults", () => {
  test("clap derive and commander: reported", () => {
    const derive = lines("#[derive(Parser)]", "struct Opts {", '    #[arg(long, env = "PEER_KEY", default_value = "pk2_8d4f1a7c9e3b6d0a2f5c8e1b7d4a9f3c")]', "    peer_key: String,", "}");
    expect(found({ path: "src/opts.rs", content: derive })).toEqual(["hardcoded-secret@src/opts.rs:3"]);
    expect(found({ path: "src/cli.ts", content: lines('program.option("--peer-key <key>", "peer key", "pk2_8d4f1a7c9e3b6d0a2f5c8e1b7d4a9f3c");') })).toEqual(["hardcoded-secret@src/cli.ts:1"]);
  });
  test("the same options without a default, or defaulting to a readable value: not reported", () => {
    const derive = lines("#[derive(Parser)]", "struct Opts {", '    #[arg(long, env = "PEER_KEY")]', "    peer_key: String,", '    #[arg(long, default_value = "received_at")]', "    order_key: String,", "}");
    expect(found({ path: "src/opts.rs", content: derive })).toEqual([]);
    expect(found({ path: "src/cli.ts", content: lines('program.option("--peer-key <key>", "peer key (default: $PEER_KEY)");') })).toEqual([]);
  });
});
