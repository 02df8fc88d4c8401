// Panel-9 fixes: a method that overrides one its base class declares in the repository is the class
// family's answer to an interface (a no-op `flush` of a store that buffers nothing, a driver that refuses an
// operation it cannot do), not a placeholder. Each shape with a quiet case and a decoy the floor must still
// report (fresh snippets, not panel code).
import { describe, expect, test } from "bun:test";
import { foundIn, lines } from "./support/snippet-scan";

const stubs = (...files: { path: string; content: string }[]) => foundIn(files, /^stub$/);

const base = {
  path: "vault/backends/base.py",
  content: lines(
    "class SecretBackend:",
    "    def rotate(self, name):",
    '        raise RuntimeError("subclasses rotate")',
    "",
    "    async def close(self):",
    "        await self._pool.close()",
  ),
};

describe("stub: an override of a method its base declares in the repository", () => {
  test("a no-op or refusing override of a base method is not reported", () => {
    expect(stubs(base, {
      path: "vault/backends/memory.py",
      content: lines(
        "from vault.backends.base import SecretBackend",
        "",
        "class MemoryBackend(SecretBackend):",
        "    async def close(self):",
        "        pass",
        "",
        "    def rotate(self, name):",
        '        raise NotImplementedError("the memory backend does not support key rotation")',
      ),
    })).toEqual([]);
  });

  test("a TypeScript subclass refusing a method its base declares is not reported", () => {
    expect(stubs(
      { path: "src/exporters/exporter.ts", content: lines("export class Exporter {", "  async flush(): Promise<void> {", "    await this.sink.flush();", "  }", "}") },
      { path: "src/exporters/console.ts", content: lines(
        'import { Exporter } from "./exporter";',
        "export class ConsoleExporter extends Exporter {",
        "  async flush(): Promise<void> {",
        '    throw new NotImplementedError("console output cannot be flushed");',
        "  }",
        "}") },
    )).toEqual([]);
  });

  test("a method the base does not declare, or a base the repository does not declare, is still reported", () => {
    expect(stubs(base, {
      path: "vault/backends/disk.py",
      content: lines(
        "from vault.backends.base import SecretBackend",
        "from thirdparty import Plugin",
        "",
        "class DiskBackend(SecretBackend):",
        "    def purge_expired(self, before):",
        "        pass",
        "",
        "class AuditPlugin(Plugin):",
        "    def record(self, event):",
        "        pass",
      ),
    })).toEqual(["stub@vault/backends/disk.py:5", "stub@vault/backends/disk.py:9"]);
  });

  test("an override that promises the work (TODO, pending, coming) is still a stub", () => {
    expect(stubs(base, {
      path: "vault/backends/gcp.py",
      content: lines(
        "from vault.backends.base import SecretBackend",
        "",
        "class GcpBackend(SecretBackend):",
        "    def rotate(self, name):",
        '        raise NotImplementedError("GCP key rotation is coming in 3.2")',
      ),
    })).toEqual(["stub@vault/backends/gcp.py:5"]);
  });

  test("a function nested in an overriding method overrides nothing", () => {
    expect(stubs(base, {
      path: "vault/backends/s3.py",
      content: lines(
        "from vault.backends.base import SecretBackend",
        "",
        "class S3Backend(SecretBackend):",
        "    def rotate(self, name):",
        "        def reencrypt(blob):",
        "            pass",
        "        return self._each(name, reencrypt)",
      ),
    })).toEqual(["stub@vault/backends/s3.py:5"]);
  });
});

describe("assertion-free-test: a Rust test whose check is a macro another test file defines", () => {
  test("a macro_rules! helper that asserts is the test's assertion; a test calling none is still reported", () => {
    expect(foundIn([
      { path: "tests/common/checks.rs", content: lines("macro_rules! expect_hits {", "    ($idx:expr, $q:expr, $n:expr) => {", "        let got = $idx.search($q);", "        assert_eq!(got.len(), $n);", "    };", "}") },
      { path: "tests/search.rs", content: lines("mod common;", "", "#[test]", "fn finds_stems() {", "    let idx = Index::open_temp();", '    idx.add("running");', '    expect_hits!(idx, "run", 1);', "}", "", "#[test]", "fn adds() {", "    let idx = Index::open_temp();", '    idx.add("running");', '    log_hits!(idx, "run");', "}") },
    ], /^assertion-free-test$/)).toEqual(["assertion-free-test@tests/search.rs:11"]);
  });
});

describe("assertion-free-test: a suite whose afterEach hook asserts", () => {
  test("tests of a describe block whose afterEach asserts are checked there; a sibling suite without one is reported", () => {
    expect(foundIn([{ path: "src/editor/toolbar.spec.ts", content: lines(
      'describe("toolbar", () => {',
      "  afterEach(() => {",
      '    expect(screen.queryByRole("dialog")).toBeNull();',
      "  });",
      '  it("closes on escape", async () => {',
      "    await openDialog();",
      '    await user.keyboard("{Escape}");',
      "  });",
      "});",
      'describe("menu", () => {',
      "  afterEach(() => cleanup());",
      '  it("opens", async () => {',
      "    await openMenu();",
      "  });",
      "});") }], /^assertion-free-test$/)).toEqual(["assertion-free-test@src/editor/toolbar.spec.ts:12"]);
  });
});

describe("insecure-compare: browser code is no timing oracle", () => {
  const compares = (path: string, content: string) => foundIn([{ path, content }], /^insecure-compare$/);
  test("a form comparing two typed passwords or a client-side CSRF cookie is not reported", () => {
    expect(compares("src/pages/Register.tsx", lines(
      "export function Register() {",
      "  const onSubmit = (password: string, passwordCheck: string) => {",
      '    if (password !== passwordCheck) return setError("mismatch");',
      "  };",
      "}"))).toEqual([]);
    expect(compares("src/lib/csrf.ts", lines(
      "export function csrfMatches(csrfToken: string): boolean {",
      '  const cookie = document.cookie.split("; ").find((c) => c.startsWith("csrf="))?.slice(5);',
      "  return cookie === csrfToken;",
      "}"))).toEqual([]);
  });
  test("the same compare in server code (a plain module, or a .tsx server action) is reported", () => {
    expect(compares("src/server/metrics.ts", lines(
      "export function metricsAuthorized(req: Request): boolean {",
      '  return req.headers.get("authorization") === `Bearer ${process.env.METRICS_TOKEN}`;',
      "}"))).toEqual(["insecure-compare@src/server/metrics.ts:2"]);
    expect(compares("src/app/admin/actions.tsx", lines(
      '"use server";',
      "export async function purge(form: FormData) {",
      '  if (form.get("token") !== process.env.ADMIN_TOKEN) throw new Error("forbidden");',
      "}"))).toEqual(["insecure-compare@src/app/admin/actions.tsx:3"]);
  });
});

describe("insecure-compare (Go): a bare name the package declares const", () => {
  const compares = (...files: { path: string; content: string }[]) => foundIn(files, /^insecure-compare$/);
  const verify = (decl: string) => [
    { path: "dnssec/result.go", content: lines("package dnssec", "", decl) },
    { path: "dnssec/chain.go", content: lines(
      "package dnssec",
      "",
      "func (v *Validator) checkDS(zone string, sig *RRSIG) error {",
      "\tres := v.verifySignature(zone, sig)",
      "\tif res != ResultSecure {",
      '\t\treturn fmt.Errorf("zone %s not secure", zone)',
      "\t}",
      "\treturn nil",
      "}") },
  ];
  test("a result compared with a constant of the package (an enum value) is not reported", () => {
    expect(compares(...verify("const (\n\tResultSecure Result = iota\n\tResultInsecure\n)"))).toEqual([]);
  });
  test("the same compare against a package var (loaded at start-up) is reported", () => {
    expect(compares(...verify('var ResultSecure = os.Getenv("EXPECTED_SIGNATURE")'))).toEqual(["insecure-compare@dnssec/chain.go:5"]);
  });
});

describe("hardcoded-secret: labels, password hashes and keys public by design", () => {
  const secrets = (path: string, content: string) => foundIn([{ path, content }], /^hardcoded-secret$/);
  test("a translated label, a bcrypt hash and a PostHog project key are not reported", () => {
    expect(secrets("src/i18n/pt.ts", lines(
      "export default {",
      "  password: 'Palavra-passe:',",
      "  private_key: 'Yksityinen-avain',",
      "};"))).toEqual([]);
    expect(secrets("src/seed/demo.ts", lines('export const demoUser = { name: "demo", password: "$2b$10$odRXt5e95kSQV5Axmk/FeO6GVOxuRQQ8NnRcBA78Wg4V3kZxPY68u" };'))).toEqual([]);
    expect(secrets("src/analytics.ts", lines('export const POSTHOG_API_KEY = "phc_Tq9ZmR2kXw7LpB4vNc8YhJ3sDf6GaE1u";'))).toEqual([]);
  });
  test("a random password, a secret key and a vendor's live key are still reported", () => {
    expect(secrets("src/config.ts", lines(
      'export const adminPassword = "Hq7-zR2m-Xc9L";',
      'export const STRIPE_KEY = "sk_live_Tq9ZmR2kXw7LpB4vNc8YhJ3s";'))).toEqual(["hardcoded-secret@src/config.ts:1", "hardcoded-secret@src/config.ts:2"]);
  });
});
