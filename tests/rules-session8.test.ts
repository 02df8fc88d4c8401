// Eighth session of issue 10: a Go claim that a call's error is dropped needs the repository to show an error
// (a declaration, an interface's method spec, a call site that uses the result, a standard-library value); a
// Close on a branch that returns an error is cleanup; a migration module's empty step is the framework's idiom.
// Fresh snippets, not panel code.
import { describe, expect, test } from "bun:test";
import { lines, scanSnippets } from "./support/snippet-scan";

const swallowed = (files: { path: string; content: string }[]) =>
  scanSnippets(files, /^swallowed-error$/).map((f) => `${f.lead ? "lead" : f.severity}@${f.file}:${f.line}`);

const service = (imports: string[], field: string, call: string) => lines(
  "package cache",
  "",
  "import (",
  ...imports.map((i) => `\t${i}`),
  ")",
  "",
  "type Service struct {",
  `\t${field}`,
  "}",
  "",
  "func (s *Service) Forget(id string) error {",
  "\tif id == \"\" {",
  "\t\treturn errEmpty",
  "\t}",
  `\t${call}`,
  "\treturn nil",
  "}");

describe("swallowed-error (Go): a dropped call's error must exist", () => {
  test("a concurrent map whose type arguments nest ([]V) is still read as a map", () => {
    expect(swallowed([{ path: "cache/svc.go", content: service(['"github.com/puzpuzpuz/xsync/v3"'], "rules *xsync.Map[string, []Rule]", "s.rules.Delete(id)") }])).toEqual([]);
  });

  test("an interface's method spec is a declaration: without an error result nothing is dropped", () => {
    const store = (spec: string) => ({ path: "cache/store.go", content: lines("package cache", "", "type entryStore interface {", "\tLoad(key string) (any, bool)", `\t${spec}`, "}") });
    const svc = { path: "cache/svc.go", content: service([], "entries entryStore", "s.entries.Delete(id)") };
    expect(swallowed([store("Delete(key string)"), svc])).toEqual([]);
    expect(swallowed([store("Delete(key string) error"), svc])).toEqual(["warning@cache/svc.go:14"]);
  });

  test("the enclosing method's receiver gives the type", () => {
    const content = lines(
      "package alerts",
      "",
      "type Cache struct{ m map[string]int }",
      "",
      "func (c *Cache) Update(id string) { c.m[id]++ }",
      "",
      "func (c *Cache) Bind(app App) {",
      "\tapp.OnSave(func(id string) error {",
      "\t\tc.Update(id)",
      "\t\treturn nil",
      "\t})",
      "}");
    expect(swallowed([{ path: "alerts/cache.go", content }])).toEqual([]);
  });

  test("a dependency's method that no call site checks is a lead; one checked elsewhere stays a claim", () => {
    const svc = { path: "cache/svc.go", content: service(['"github.com/acme/kv"'], "store *kv.Store", "s.store.Delete(id)") };
    expect(swallowed([svc])).toEqual(["lead@cache/svc.go:15"]);
    const other = { path: "cache/purge.go", content: lines("package cache", "", "func (s *Service) Purge(id string) error {", "\tif err := s.store.Delete(id); err != nil {", "\t\treturn err", "\t}", "\treturn nil", "}") };
    expect(swallowed([svc, other])).toEqual(["warning@cache/svc.go:15"]);
    const chained = { path: "cache/purge.go", content: lines("package cache", "", "func (s *Service) Purge(id string) error {", "\treturn s.store.Delete(id).Err()", "}") };
    expect(swallowed([svc, chained])).toEqual(["warning@cache/svc.go:15"]);
  });

  test("the standard library and values opened beside an error stay claims", () => {
    expect(swallowed([{ path: "cache/svc.go", content: service(['"database/sql"'], "db *sql.DB", 's.db.Exec("DELETE FROM entries WHERE id = $1", id)') }])).toEqual(["warning@cache/svc.go:15"]);
    const tx = lines(
      "package store",
      "",
      "func (s *Store) Save(o Order) error {",
      "\ttx, err := s.pool.Begin()",
      "\tif err != nil {",
      "\t\treturn err",
      "\t}",
      "\ttx.Exec(\"INSERT INTO orders VALUES ($1)\", o.ID)",
      "\ttx.Commit()",
      "\treturn nil",
      "}");
    expect(swallowed([{ path: "store/save.go", content: tx }])).toEqual(["warning@store/save.go:8", "warning@store/save.go:9"]);
  });

  test("the callee judged is the one the finding points at, not a call around it", () => {
    const content = lines(
      "package tls",
      "",
      "type Context struct{}",
      "",
      "func (c *Context) OnCancel(f func()) {}",
      "",
      "func provision(ctx *Context, name string) error {",
      "\tctx.OnCancel(func() { _, _ = pool.Delete(name) })",
      "\treturn nil",
      "}");
    // OnCancel answers nothing, but the dropped call is pool.Delete: still judged, not silenced by what OnCancel answers.
    expect(swallowed([{ path: "tls/policy.go", content }]).map((f) => f.replace(/^\w+@/, ""))).toEqual(["tls/policy.go:8"]);
  });
});

describe("swallowed-error (Go): a Close on a branch that returns an error is cleanup", () => {
  const copy = (onFailure: string[]) => lines(
    "package store",
    "",
    "func Save(p string, src io.Reader) (string, error) {",
    "\tf, err := os.Create(p)",
    "\tif err != nil {",
    "\t\treturn \"\", err",
    "\t}",
    "\tif _, err = io.Copy(f, src); err != nil {",
    ...onFailure,
    "\t}",
    "\tf.Close()",
    "\treturn p, nil",
    "}");
  test("cleanup before returning the error is not reported; the success path's Close is", () => {
    expect(swallowed([{ path: "store/save.go", content: copy(["\t\tf.Close()", "\t\t_ = os.Remove(p)", "\t\treturn \"\", fmt.Errorf(\"copy: %w\", err)"]) }])).toEqual(["warning@store/save.go:13"]);
  });
  test("... also when the branch returns the error it holds (`return \"\", err`)", () => {
    expect(swallowed([{ path: "store/save.go", content: copy(["\t\tf.Close()", "\t\t_ = os.Remove(p)", "\t\treturn \"\", err"]) }])).toEqual(["warning@store/save.go:13"]);
  });
  test("Rust: removals in a loop on the branch that returns Err are cleanup; a dropped audit write there is not", () => {
    const rs = (inner: string) => lines(
      "pub async fn add_component(db: &Db, storage: &Storage, stored: Vec<String>) -> Result<(), String> {",
      "    if let Err(e) = db.add_component(&stored).await {",
      "        for p in &stored {",
      `            ${inner}`,
      "        }",
      "        return Err(format!(\"failed to add component: {e}\"));",
      "    }",
      "    Ok(())",
      "}");
    expect(swallowed([{ path: "src/routes.rs", content: rs("let _ = storage.delete(p).await;") }])).toEqual([]);
    expect(swallowed([{ path: "src/routes.rs", content: rs("let _ = db.insert_audit_row(p).await;") }]).length).toBe(1);
  });
  test("a branch that answers success after the Close still reports it", () => {
    expect(swallowed([{ path: "store/save.go", content: copy(["\t\tf.Close()", "\t\treturn p, nil"]) }])).toEqual(["warning@store/save.go:9", "warning@store/save.go:12"]);
  });
});

describe("stub (Python): a migration module's empty step is the framework's idiom", () => {
  const stubs = (path: string, content: string) => scanSnippets([{ path, content }], /^stub$/).map((f) => `${f.file}:${f.line}`);
  test("Django: the reverse no-op of a RunPython data migration", () => {
    const migration = (base: string) => lines(
      "from django.db import migrations",
      "",
      "def backfill(apps, schema_editor):",
      "    Order = apps.get_model('shop', 'Order')",
      "    Order.objects.filter(total=None).update(total=0)",
      "",
      "def noop(apps, schema_editor):",
      "    pass",
      "",
      `class Migration(${base}):`,
      "    dependencies = [('shop', '0041_order_total')]",
      "    operations = [migrations.RunPython(backfill, noop)]");
    expect(stubs("shop/migrations/0042_backfill.py", migration("migrations.Migration"))).toEqual([]);
    expect(stubs("shop/steps.py", migration("Step"))).toEqual(["shop/steps.py:7"]);
  });
  test("Alembic: a merge revision's empty upgrade", () => {
    const revision = (extra: string) => lines(
      '"""merge heads"""',
      "revision = '57b1053998d'",
      extra,
      "",
      "def upgrade():",
      "    pass",
      "",
      "def downgrade():",
      "    pass");
    expect(stubs("migrations/versions/57b1053998d_merge.py", revision("down_revision = ('41e9207fbe5', '1ce6d45d7ef')"))).toEqual([]);
    expect(stubs("jobs/upgrade.py", revision("branch = 'main'"))).toEqual(["jobs/upgrade.py:5", "jobs/upgrade.py:8"]);
  });
});

describe("stub (TypeScript): what a not-implemented throw or a 501 is, read from the code's own declarations", () => {
  const stubs = (path: string, content: string) => scanSnippets([{ path, content }], /^stub$/).map((f) => `${f.file}:${f.line}`);
  test("a number inside SVG path data is no 501 status", () => {
    const icon = (d: string) => lines("export function Hyperlink(props: Props) {", `  return h("svg", { viewBox: "0 0 18 18" }, h("path", { d: "${d}" }));`, "}");
    expect(stubs("ui/icons/hyperlink.ts", icon("M9.501,11.923c-.28,0-.548-.157-.677-.427"))).toEqual([]);
    expect(stubs("api/export.ts", lines("export function exportCsv(req: Req, res: Res) {", "  return res.status(501).json({ error: 'later' });", "}"))).toEqual(["api/export.ts:2"]);
  });
  test("a test double's unneeded interface methods throw by design; the same class named for its role does not", () => {
    const store = (name: string) => lines(
      `export default class ${name} implements IFeatureStore {`,
      "  features: Feature[] = [];",
      "  async get(name: string): Promise<Feature | undefined> {",
      "    return this.features.find((f) => f.name === name);",
      "  }",
      "  async archive(name: string): Promise<void> {",
      "    throw new Error('Method not implemented.');",
      "  }",
      "}");
    expect(stubs("src/features/fakes/fake-feature-store.ts", store("FakeFeatureStore"))).toEqual([]);
    expect(stubs("src/features/feature-store.ts", store("FeatureStore"))).toEqual(["src/features/feature-store.ts:7"]);
  });
});

describe("unwired-auth (Flask): a blueprint guarded by a hook, here or where the app is assembled", () => {
  const auth = (files: { path: string; content: string }[]) => scanSnippets(files, /^unwired-auth$/).map((f) => `${f.file}:${f.line}`);
  const views = (hooks: string[]) => lines(
    "from flask import Blueprint, g, request, session, redirect, url_for",
    "from .auth import login_required",
    "",
    "projects = Blueprint('projects', __name__)",
    "",
    ...hooks,
    "",
    "@projects.route('/<project_id>/settings', methods=['POST'])",
    "@login_required",
    "def save_settings(project_id):",
    "    g.project.update(request.form)",
    "    return redirect(url_for('.settings'))",
    "",
    "@projects.route('/<project_id>/members', methods=['POST'])",
    "def add_member(project_id):",
    "    g.project.add_member(request.form['name'])",
    "    return redirect(url_for('.members'))");
  test("a url_value_preprocessor that checks the session is the blueprint's guard; one that only loads is not", () => {
    const deciding = [
      "@projects.url_value_preprocessor",
      "def pull_project(endpoint, values):",
      "    project_id = values.pop('project_id', None)",
      "    if not session.get(project_id):",
      "        raise Redirect303(url_for('.authenticate', project_id=project_id))",
      "    g.project = Project.query.get(project_id)"];
    const loading = ["@projects.url_value_preprocessor", "def pull_project(endpoint, values):", "    g.project = Project.query.get(values.pop('project_id', None))"];
    expect(auth([{ path: "app/web.py", content: views(deciding) }])).toEqual([]);
    expect(auth([{ path: "app/web.py", content: views(loading) }])).toEqual(["app/web.py:16"]);
  });
  test("a before_request hooked in another file that imports the blueprint guards it; another file's own bp does not", () => {
    const hooked = (imported: string) => ({ path: "app/hooks.py", content: lines(
      `from .web import ${imported}`,
      "from .auth import user_required",
      "",
      `@${imported === "projects" ? "projects" : "bp"}.before_request`,
      "@user_required",
      "def before_request():",
      "    g.user = current_user()") });
    expect(auth([{ path: "app/web.py", content: views([]) }, hooked("projects")])).toEqual([]);
    expect(auth([{ path: "app/web.py", content: views([]) }, hooked("bp")])).toEqual(["app/web.py:13"]);
  });
  test("a registration site whose siblings carry a guard (three or more) reads the same hooks", () => {
    const site = lines(
      "from flask import Blueprint, request",
      "from .auth import admin_required",
      "",
      "devices = Blueprint('devices', __name__)",
      "",
      "@devices.route('/enable', methods=['POST'])",
      "@admin_required",
      "def enable():",
      "    return toggle(request.json['serial'], True)",
      "",
      "@devices.route('/disable', methods=['POST'])",
      "@admin_required",
      "def disable():",
      "    return toggle(request.json['serial'], False)",
      "",
      "@devices.route('/<serial>', methods=['DELETE'])",
      "def delete_device(serial):",
      "    return remove_device(serial)");
    const hooks = { path: "app/before_after.py", content: lines("from .devices import devices", "from .auth import user_required", "", "@devices.before_request", "@user_required", "def before_request():", "    g.user = current_user()") };
    expect(auth([{ path: "app/devices.py", content: site }]).length).toBeGreaterThan(0);
    expect(auth([{ path: "app/devices.py", content: site }, hooks])).toEqual([]);
  });
});

describe("assertion-free-test (Python): an assertion fixture's block is the check", () => {
  test("with django_assert_num_queries(n): fails on another count", () => {
    const t = (body: string) => scanSnippets([{ path: "tests/test_models.py", content: lines("def test_prefetch_is_kept(django_assert_num_queries, project):", body, "        list(project.environments.all())") }], /^assertion-free-test$/).length;
    expect(t("    with django_assert_num_queries(1):")).toBe(0);
    expect(t("    with transaction.atomic():")).toBe(1);
  });
});

describe("recall on fresh16 (development): TLS options named for accepting invalid certificates, Go I/O handed a context", () => {
  test("MongoDB's tlsAllowInvalidCertificates and isahc's DANGER_ACCEPT_INVALID_CERTS disable verification", () => {
    const tls = (path: string, content: string) => scanSnippets([{ path, content }], /^tls-disabled$/).length;
    expect(tls("src/db.ts", "export const client = new MongoClient(url, { tls: true, tlsAllowInvalidCertificates: true });\n")).toBe(1);
    expect(tls("src/db.ts", "export const client = new MongoClient(url, { tls: true, tlsAllowInvalidCertificates: false });\n")).toBe(0);
    expect(tls("src/supplier.rs", "pub fn client() -> Result<HttpClient> {\n    Ok(HttpClient::builder().ssl_options(SslOption::DANGER_ACCEPT_INVALID_CERTS).build()?)\n}\n")).toBe(1);
  });
  test("a Mark*/Set* call handed a context is I/O, not configuration in memory", () => {
    const go = (call: string) => scanSnippets([{ path: "api/hooks.go", content: lines("package api", "", "func (w *Hooks) Paid(ctx context.Context, id string) (*Out, error) {", `\t${call}`, "\treturn &Out{Status: 204}, nil", "}") }], /^swallowed-error$/).length;
    expect(go("_ = w.store.MarkPaid(ctx, id)")).toBe(1);
    expect(go('_ = cmd.MarkFlagRequired("id")')).toBe(0);
  });
});

describe("stub (Python): declarations that are not holes", () => {
  const stubs = (path: string, content: string) => scanSnippets([{ path, content }], /^stub$/).map((f) => `${f.file}:${f.line}`);
  test("a class whose every method refuses is an interface; one implemented method makes the others holes", () => {
    const plugin = (extra: string[]) => lines(
      "from dispatch.plugins.base import Plugin",
      "",
      "class MetricPlugin(Plugin):",
      "    type = 'metric'",
      "",
      "    def gauge(self, name, value, tags=None):",
      "        raise NotImplementedError",
      "",
      "    def counter(self, name, value=None, tags=None):",
      "        raise NotImplementedError",
      ...extra);
    expect(stubs("src/plugins/bases/metric.py", plugin([]))).toEqual([]);
    expect(stubs("src/plugins/bases/metric.py", plugin(["", "    def timer(self, name, value, tags=None):", "        return self.client.timing(name, value)"]))).toEqual(["src/plugins/bases/metric.py:7", "src/plugins/bases/metric.py:10"]);
  });
  test("DRF: a plain Serializer's empty create/update; a ModelSerializer's is a hole", () => {
    const serializer = (base: string) => lines(
      "from rest_framework import serializers",
      "",
      `class FaceSerializer(${base}):`,
      "    token = serializers.CharField()",
      "",
      "    def create(self, validated_data):",
      "        pass",
      "",
      "    def update(self, instance, validated_data):",
      "        pass");
    expect(stubs("apps/auth/serializers.py", serializer("serializers.Serializer"))).toEqual([]);
    expect(stubs("apps/auth/serializers.py", serializer("serializers.ModelSerializer"))).toEqual(["apps/auth/serializers.py:6", "apps/auth/serializers.py:9"]);
  });
});

describe("place: a semgrep rule-test target is a fixture, not shipped code", () => {
  test("a file annotated `# ruleid: <rule>` is test code as a whole", () => {
    const target = (annotation: string) => lines(
      "from django.db import migrations",
      "",
      "def forwards(apps, schema_editor):",
      annotation,
      "    Order = apps.get_model('shop', 'Order')",
      "",
      "def noop(apps, schema_editor):",
      "    pass");
    const stubs = (content: string) => scanSnippets([{ path: ".semgrep/correctness/django/wrong-app-config.py", content }], /^stub$/).length;
    expect(stubs(target("    # ruleid: django-migration-wrong-app-config"))).toBe(0);
    expect(stubs(target("    # the app label is checked below"))).toBe(1);
  });
});
