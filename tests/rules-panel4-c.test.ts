// Panel-3 precision pass (insecure-compare, hardcoded-secret, unwired-auth, stub): each shape with a case
// the floor must stay quiet on and a decoy it must still report (fresh snippets, not panel code).
import { describe, expect, test } from "bun:test";
import { placeOfPath } from "../pipeline/rules/place";
import { foundIn, lines } from "./support/snippet-scan";

const found = (cls: RegExp, path: string, content: string) => foundIn([{ path, content }], cls);
const compare = (path: string, content: string) => found(/^insecure-compare$/, path, content);

describe("insecure-compare: an enum variant or an imported package's name is no secret", () => {
  const rust = (other: string) => lines(
    "pub fn accept(state: &State, raw: &str) -> Result<Claims, Error> {",
    "    let parsed = decode(raw, &state.signing_key)?;",
    `    if parsed.header().cipher != ${other} {`,
    "        return Err(Error::Rejected);",
    "    }",
    "    Ok(parsed.claims())",
    "}");
  test("a header field compared with a type's variant is not reported", () => {
    expect(compare("src/session.rs", rust("crypto::CipherKind::Aes256"))).toEqual([]);
  });
  test("the same field compared with a secret the state holds is reported", () => {
    expect(compare("src/session.rs", rust("state.signing_key"))).toEqual(["insecure-compare@src/session.rs:3"]);
  });
  const go = (other: string) => lines(
    "package forms",
    "",
    "import (",
    "\t\"example.org/app/schema\"",
    ")",
    "",
    "func keepHidden(f *Field, cfg *Config) bool {",
    `\treturn f.Label() != ${other}`,
    "}");
  const schema = (decl: string) => ({ path: "schema/labels.go", content: lines("package schema", "", decl) });
  const compareWith = (other: string, decl: string) =>
    foundIn([{ path: "forms/hidden.go", content: go(other) }, schema(decl)], /^insecure-compare$/);
  test("a name the imported package declares const is a declaration, not a presented value", () => {
    expect(compareWith("schema.LabelPassword", 'const LabelPassword = "password"')).toEqual([]);
    expect(compareWith("schema.LabelPassword", lines("const (", "\tLabelEmail = \"email\"", "\tLabelPassword = \"password\"", ")"))).toEqual([]);
    expect(compareWith("schema.LabelID", 'const LabelID = "id"')).toEqual([]);
  });
  test("a credential-named var of the imported package is reported", () => {
    expect(compareWith("schema.LabelPassword", 'var LabelPassword = os.Getenv("ADMIN_PASSWORD")')).toEqual(["insecure-compare@forms/hidden.go:8"]);
  });
  test("a name of a package no walked file belongs to is a dependency's API, not configuration: not reported", () => {
    // Decided in the fourth session of issue 10 (docs/DECISIONS.md): `oauth2.AccessToken`, `fasthttp.HeaderAuthorization`.
    expect(compare("forms/hidden.go", go("schema.LabelPassword"))).toEqual([]);
  });
  test("a configured secret in the same place is reported", () => {
    expect(compare("forms/hidden.go", go("cfg.AdminPassword"))).toEqual(["insecure-compare@forms/hidden.go:8"]);
  });
});

describe("insecure-compare: a configuration entry is named by its last word", () => {
  const helper = (entry: string) => lines(
    "package views",
    "",
    "func usesProvider(config *Settings, name string) bool {",
    `\treturn config.${entry}() == name`,
    "}");
  test("an OAuth provider's configured name is not a credential", () => {
    expect(compare("views/funcs.go", helper("OAuthProvider"))).toEqual([]);
  });
  test("a configured OAuth secret is", () => {
    expect(compare("views/funcs.go", helper("OAuthClientSecret"))).toEqual(["insecure-compare@views/funcs.go:4"]);
  });
});

describe("insecure-compare: two sides made from one input", () => {
  const go = (right: string) => lines(
    "package forms",
    "",
    "func (f *SignupForm) skipChecks() bool {",
    "\traw := f.entry.Raw(\"secret\")",
    "\tv, ok := raw.(*SecretValue)",
    `\treturn ok && v.Plain != ${right}`,
    "}");
  test("a value taken out of the form compared with another field of the same form is not reported", () => {
    expect(compare("forms/signup.go", go("f.password"))).toEqual([]);
  });
  test("the same value compared with a password read from the environment is reported", () => {
    expect(compare("forms/signup.go", go("os.Getenv(\"SIGNUP_PASSWORD\")"))).toEqual(["insecure-compare@forms/signup.go:6"]);
  });
});

describe("insecure-compare: a field validator compares the user's own input", () => {
  const py = (decorator: string) => lines(
    "class SignupIn(BaseModel):",
    "    password: str",
    "    password_repeat: str",
    "",
    `    ${decorator}`,
    "    @classmethod",
    "    def same_twice(cls, value, info):",
    "        if value != info.data[\"password\"]:",
    "            raise ValueError(\"mismatch\")",
    "        return value");
  test("a pydantic validator's compare is not reported", () => {
    expect(compare("app/schemas.py", py("@field_validator(\"password_repeat\")"))).toEqual([]);
  });
  test("the same method without the validator decorator is reported", () => {
    expect(compare("app/schemas.py", py("@cached_rule"))).toEqual(["insecure-compare@app/schemas.py:8"]);
  });
  const ts = (use: string) => lines(
    "export function NewSecretForm() {",
    "  const matches = (value: string, values: Record<string, string>) => {",
    "    if (value !== values.freshPassword) return 'differs';",
    "    return true;",
    "  };",
    `  return render({ name: 'again', ${use} });`,
    "}");
  test("a TS function handed to a form field's validate rule is not reported", () => {
    expect(compare("src/forms/new-secret-form.ts", ts("validate: matches"))).toEqual([]);
  });
  test("the same function handed to something else is reported", () => {
    expect(compare("src/forms/new-secret-form.ts", ts("onSubmit: matches"))).toEqual(["insecure-compare@src/forms/new-secret-form.ts:3"]);
  });
});

describe("insecure-compare: a class built only when a test setting is on", () => {
  const py = (cond: string) => lines(
    "class PlainDigest:",
    "    def check(self, password: str, stored: str) -> bool:",
    "        return password == stored",
    "",
    "class ScryptDigest:",
    "    def check(self, password: str, stored: str) -> bool:",
    "        return scrypt_verify(password, stored)",
    "",
    "def pick_digest(cfg):",
    `    if ${cond}:`,
    "        return PlainDigest()",
    "    return ScryptDigest()");
  test("a fake built under the test flag is not reported", () => {
    expect(compare("app/digest.py", py("cfg.TESTING"))).toEqual([]);
  });
  test("the same class built under any other condition is reported", () => {
    expect(compare("app/digest.py", py("cfg.LEGACY"))).toEqual(["insecure-compare@app/digest.py:3"]);
    expect(compare("app/digest.py", py("not cfg.TESTING"))).toEqual(["insecure-compare@app/digest.py:3"]);
  });
});

describe("hardcoded-secret: a sample token beside the pattern that matches it", () => {
  const table = (pattern: string) => lines(
    "pub static DETECTORS: &[(&str, &str, Probe)] = &[",
    "    (",
    "        \"Forge token\",",
    `        "${pattern}",`,
    "        Probe::One(\"ghp_Q7vLm2Xc9RtB4nKp8WzY3sHd6JfA1eUo5iGq\"),",
    "    ),",
    "];");
  test("a detector's own sample row is not reported", () => {
    expect(found(/^hardcoded-secret$/, "src/detect.rs", table("ghp_[A-Za-z0-9]{36}"))).toEqual([]);
  });
  test("the same token beside a pattern that does not match it is reported", () => {
    expect(found(/^hardcoded-secret$/, "src/detect.rs", table("glpat-[A-Za-z0-9_]{20}"))).toEqual(["hardcoded-secret@src/detect.rs:5"]);
    const alone = lines("pub const FORGE: &str = \"ghp_Q7vLm2Xc9RtB4nKp8WzY3sHd6JfA1eUo5iGq\";");
    expect(found(/^hardcoded-secret$/, "src/detect.rs", alone)).toEqual(["hardcoded-secret@src/detect.rs:1"]);
  });
});

describe("place: test settings modules and test-first package directories", () => {
  test("are test code", () => {
    expect(placeOfPath("site/site/settings_testing.py")).toBe("test");
    expect(placeOfPath("crates/tests-fixtures/src/lib.rs")).toBe("test");
    expect(placeOfPath("packages/test-harness/index.ts")).toBe("test");
  });
  test("a module or directory that only starts or ends with the letters is not", () => {
    expect(placeOfPath("site/site/settings.py")).toBe("shipped");
    expect(placeOfPath("app/attesting.py")).toBe("shipped");
    expect(placeOfPath("crates/testimony/src/lib.rs")).toBe("shipped");
    expect(placeOfPath("src/contest/entry.ts")).toBe("shipped");
  });
  test("a secret in a test settings module is not reported, in the shipped settings it is", () => {
    const settings = lines("SECRET_KEY = 'q8Zr2Lm7Xv4Nc9Bt6Wy3Hk1Jd5Fs0Pg8Ua2Ie7Ro4T'");
    expect(found(/^hardcoded-secret$/, "site/settings_testing.py", settings)).toEqual([]);
    expect(found(/^hardcoded-secret$/, "site/settings.py", settings)).toEqual(["hardcoded-secret@site/settings.py:1"]);
  });
});

describe("unwired-auth: a status query handed no subject judges no one", () => {
  const unwired = (path: string, content: string) => found(/^unwired-auth$/, path, content);
  test("a yes/no about the program's own state is not reported", () => {
    const rust = lines(
      "/// Whether this machine holds a session for the sync server.",
      "pub async fn is_signed_in() -> Result<bool> {",
      "    Store::open().await?.has_session().await",
      "}");
    expect(unwired("src/sync.rs", rust)).toEqual([]);
  });
  test("a predicate given the subject it judges is still reported", () => {
    const rust = lines(
      "pub fn is_admin_user(user: &User) -> bool {",
      "    user.roles.contains(&Role::Admin)",
      "}");
    expect(unwired("src/sync.rs", rust)).toEqual(["unwired-auth@src/sync.rs:1"]);
  });
  const py = (fail: string) => lines(
    "async def is_logged_in(token: str = Depends(soft_scheme), db=Depends(open_db)) -> bool:",
    "    try:",
    "        claims = jwt.decode(token, settings.KEY)",
    "    except Exception:",
    `        ${fail}`,
    "    return claims.get(\"sub\") is not None");
  test("a FastAPI dependency that only answers yes or no is not reported", () => {
    expect(unwired("app/deps.py", py("return False"))).toEqual([]);
  });
  test("the same dependency that refuses the request is reported", () => {
    expect(unwired("app/deps.py", py("raise HTTPException(status_code=401)"))).toEqual(["unwired-auth@app/deps.py:1"]);
  });
});

describe("stub: framework idioms that are not missing bodies", () => {
  const stub = (path: string, content: string) => found(/^stub$/, path, content);
  const migration = (marker: string) => lines(
    "from alembic import op",
    "",
    "revision = \"a1b2c3\"",
    `${marker} = "f6e5d4"`,
    "",
    "def upgrade():",
    "    op.execute(\"ALTER TYPE color ADD VALUE 'teal'\")",
    "",
    "def downgrade():",
    "    pass");
  test("an Alembic revision's empty downgrade is not reported", () => {
    expect(stub("migrations/versions/a1b2c3_teal.py", migration("down_revision"))).toEqual([]);
  });
  test("the same module without the revision marker is reported", () => {
    expect(stub("migrations/versions/a1b2c3_teal.py", migration("previous"))).toEqual(["stub@migrations/versions/a1b2c3_teal.py:9"]);
  });
  test("a helper named for the refusal it throws is not reported; a subject-named one is", () => {
    const sentinel = lines("export function unimplemented() {", "  throw new Error('unimplemented');", "}");
    expect(stub("src/lib/store.ts", sentinel)).toEqual([]);
    const named = lines("export function exportCsv() {", "  throw new Error('exportCsv: not implemented');", "}");
    expect(stub("src/lib/store.ts", named)).toEqual(["stub@src/lib/store.ts:2"]);
    const parameterised = lines("export function unimplemented(feature: string) {", "  throw new Error(`${feature}: unimplemented`);", "}");
    expect(stub("src/lib/store.ts", parameterised)).toEqual(["stub@src/lib/store.ts:2"]);
  });
});

describe("unwired-auth: callers in a sibling top-level directory wire a guard", () => {
  const guard = lines(
    "import { safeEqual } from './crypto';",
    "export function verifyAuthStateNonce(ctx: Context, cookieName: string, nonce?: string): void {",
    "  const want = ctx.cookies.get(cookieName);",
    "  if (!safeEqual(want, nonce)) {",
    "    throw StateMismatchError();",
    "  }",
    "}");
  const caller = lines(
    "import { verifyAuthStateNonce } from '@server/utils/state';",
    "export async function callback(ctx: Context) {",
    "  verifyAuthStateNonce(ctx, 'state', ctx.query.state);",
    "}");
  test("a nonce check called from plugins/*/server is not reported", () => {
    expect(foundIn([{ path: "server/utils/state.ts", content: guard }, { path: "plugins/slack/server/auth.ts", content: caller }], /^unwired-auth$/)).toEqual([]);
  });
  test("with no caller in the walked tree it is reported", () => {
    expect(foundIn([{ path: "server/utils/state.ts", content: guard }], /^unwired-auth$/)).toEqual(["unwired-auth@server/utils/state.ts:2"]);
  });
});

describe("unwired-auth: a route that refuses every caller has nothing to guard", () => {
  const router = (handler: string[]) => lines(
    "import Router from \"koa-router\";",
    "import requireAuth from \"../middlewares/requireAuth\";",
    "const router = new Router();",
    "router.post(\"/rpc\", requireAuth(), async (ctx) => {",
    "  ctx.body = await dispatch(ctx.request.body);",
    "});",
    "router.delete(\"/rpc\", async (ctx) => {",
    ...handler,
    "});",
    "export default router;");
  test("a DELETE answering 405 with an Allow header is not reported", () => {
    const refusal = ["  ctx.status = 405;", "  ctx.set(\"Allow\", \"POST\");", "  ctx.body = { error: \"use POST\" };"];
    expect(foundIn([{ path: "src/routes/rpc.ts", content: router(refusal) }], /^unwired-auth$/)).toEqual([]);
  });
  test("a DELETE that does work before answering 405 is reported", () => {
    const work = ["  await sessions.dropAll(ctx.query.id);", "  ctx.status = 405;", "  ctx.set(\"Allow\", \"POST\");"];
    expect(foundIn([{ path: "src/routes/rpc.ts", content: router(work) }], /^unwired-auth$/)).toEqual(["unwired-auth@src/routes/rpc.ts:7"]);
  });
});
