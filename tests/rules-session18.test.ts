// Readings of the eighteenth session of issue 10 (docs/RULES.md): each test fails without its change.
import { describe, expect, test } from "bun:test";
import { placeOfPath } from "../pipeline/rules/place";
import { lines, scanSnippets } from "./support/snippet-scan";

type File = { path: string; content: string };
const found = (files: File[], cls: RegExp) => scanSnippets(files, cls).map((f) => `${f.file}:${f.rule_id}@${f.line}${f.severity === "info" ? " note" : ""}`);

describe("place: Storybook's workshop and Go test-rig packages never ship", () => {
  test("`.storybook/` and `*.stories.tsx` are example code; a component beside them ships", () => {
    expect(placeOfPath(".storybook/mocks/TorrentActions.ts")).toBe("example");
    expect(placeOfPath("client/src/components/Button.stories.tsx")).toBe("example");
    expect(placeOfPath("client/src/components/Button.tsx")).toBe("shipped");
  });
  test("`testrig/`, `testkit/`, `testenv/` hold test support; `testimonials/` does not", () => {
    expect(placeOfPath("testrig/testmodels.go")).toBe("test");
    expect(placeOfPath("internal/testkit/server.go")).toBe("test");
    expect(placeOfPath("pkg/testenv/env.go")).toBe("test");
    expect(placeOfPath("web/testimonials/page.go")).toBe("shipped");
  });
});

describe("swallowed-error (Go): a field reached through a chain of fields answers what its declared types answer", () => {
  // gotosocial: `p.state.Workers.Delivery.Queue.Delete(..)`, the field declared in another package.
  const queue = (result: string) => ({ path: "internal/queue/struct.go", content: lines(
    "package queue",
    "type StructQueue[T any] struct{ items []T }",
    `func (q *StructQueue[T]) Delete(index string, key ...any)${result} {`,
    "\tq.items = nil",
    result ? "\treturn nil" : "",
    "}",
    "type SimpleQueue[T any] struct{ items []T }",
    "func (q *SimpleQueue[T]) Push(v T) { q.items = append(q.items, v) }") });
  const workers = { path: "internal/workers/workers.go", content: lines(
    "package workers",
    'import "example.org/app/internal/queue"',
    "type MsgWorker struct {",
    "\tQueue queue.StructQueue[string]",
    "}",
    "type FnWorker struct {",
    "\tQueue queue.SimpleQueue[func()]",
    "}") };
  const caller = { path: "internal/processing/account.go", content: lines(
    "package processing",
    "func (p *Processor) forget(uri string) {",
    '\tp.state.Workers.Delivery.Queue.Delete("TargetURI", uri)',
    "}") };
  test("every declaration of the field is a type whose Delete answers nothing: not reported", () => {
    expect(found([queue(""), workers, caller], /^swallowed-error$/)).toEqual([]);
  });
  test("the same chain when the type's Delete answers an error: still reported", () => {
    expect(found([queue(" error"), workers, caller], /^swallowed-error$/).length).toBeGreaterThan(0);
  });
});

describe("swallowed-error (Go): releases whose error has nowhere to matter", () => {
  test("a base64 encoder over a bytes.Buffer: its Close only flushes into memory", () => {
    const mail = (made: string) => ({ path: "server/validate/email.go", content: lines(
      "package email",
      "func (v *validator) send(to string, content string) error {",
      `\tmessage := ${made}`,
      "\tb64w := base64.NewEncoder(base64.StdEncoding, message)",
      "\tb64w.Write([]byte(content))",
      "\tb64w.Close()",
      "\treturn v.deliver(to, message)",
      "}") });
    expect(found([mail("&bytes.Buffer{}")], /^swallowed-error$/)).toEqual([]);
    expect(found([mail("v.spool.Open(to)")], /^swallowed-error$/)).toEqual(["server/validate/email.go:go-unchecked-close@6"]);
  });
  test("the deferred safety-net close beside a checked close on the success path", () => {
    const save = (check: string) => ({ path: "internal/queue/file.go", content: lines(
      "package queue",
      'import "os"',
      "func save(dir string, data []byte) error {",
      '\ttmpFile, err := os.CreateTemp(dir, "q-*")',
      "\tif err != nil {",
      "\t\treturn err",
      "\t}",
      "\tdefer func() { _ = tmpFile.Close() }()",
      "\tif _, err := tmpFile.Write(data); err != nil {",
      "\t\treturn err",
      "\t}",
      check,
      '\treturn os.Rename(tmpFile.Name(), dir+"/q")',
      "}") });
    expect(found([save("\tif err := tmpFile.Close(); err != nil {\n\t\treturn err\n\t}")], /^swallowed-error$/)).toEqual([]);
    expect(found([save("\t// the deferred close flushes it")], /^swallowed-error$/).length).toBeGreaterThan(0);
  });
  test("a close on a failure's way out: the function reports its own error", () => {
    const dial = (cond: string) => ({ path: "tcp/dialer.go", content: lines(
      "package tcp",
      'import "net"',
      "func Dial(addr string) (conn net.Conn, retErr error) {",
      '\tconn, retErr = net.Dial("tcp", addr)',
      "\tif retErr != nil {",
      "\t\treturn nil, retErr",
      "\t}",
      "\tdefer func() {",
      `\t\tif ${cond} {`,
      "\t\t\tconn.Close()",
      "\t\t}",
      "\t}()",
      "\t_, retErr = conn.Write([]byte{1})",
      "\treturn conn, retErr",
      "}") });
    expect(found([dial("retErr != nil && conn != nil")], /^swallowed-error$/)).toEqual([]);
    expect(found([dial("conn != nil")], /^swallowed-error$/).length).toBeGreaterThan(0);
  });
});

describe("insecure-compare: operands no timing attack learns from", () => {
  test("Go: an error compared with its sentinel is no secret, whatever the query read", () => {
    const adapter = (cmp: string) => ({ path: "server/db/adapter.go", content: lines(
      "package postgres",
      "func (a *Adapter) AuthGetRecord(uid string, presented []byte) error {",
      '\terr := a.db.QueryRow("SELECT secret FROM auth WHERE userid=$1", uid).Scan(&record.Secret)',
      `\tif ${cmp} {`,
      "\t\treturn ErrNotFound",
      "\t}",
      "\treturn nil",
      "}") });
    expect(found([adapter("err == pgx.ErrNoRows")], /^insecure-compare$/)).toEqual([]);
    expect(found([adapter("string(record.Secret) == string(presented)")], /^insecure-compare$/).length).toBeGreaterThan(0);
  });
  test("TS: a UI component that shows a server snippet in a template string is still browser code", () => {
    // The compare names a token on both sides; a kind-named enum's case (`AuthMode.token_and_hmac`) is no secret since
    // the twenty-third session, so the server-side half of this test compares a presented token instead.
    const tab = (extra: string) => ({ path: "ui/src/features/webhooks/WebhookTab.tsx", content: lines(
      extra,
      'import React from "react";',
      "export function WebhookTab({ webhook, presentedToken }: Props) {",
      "  const example = `import crypto from 'node:crypto';`;",
      "  const hmac = webhook.secretToken === presentedToken;",
      "  return <pre>{hmac ? example : ''}</pre>;",
      "}") });
    expect(found([tab("")], /^insecure-compare$/)).toEqual([]);
    expect(found([tab('import { createHmac } from "node:crypto";')], /^insecure-compare$/).length).toBeGreaterThan(0);
  });
});

describe("tls-disabled (TS): rejectUnauthorized on a server's own options verifies nothing without requestCert", () => {
  const server = (opts: string) => ({ path: "api/app.ts", content: lines(
    'import { createServer as createHttpsServer } from "node:https";',
    "export function start(app: Express, key: string, cert: string) {",
    `  return createHttpsServer({ key, cert, ${opts} }, app);`,
    "}") });
  test("no client certificates asked for: not reported", () => {
    expect(found([server("rejectUnauthorized: false")], /^tls-disabled$/)).toEqual([]);
  });
  test("requestCert: true with rejectUnauthorized: false accepts any client certificate: reported", () => {
    expect(found([server("requestCert: true, rejectUnauthorized: false")], /^tls-disabled$/)).toEqual(["api/app.ts:ts-tls-disabled@3"]);
  });
});

describe("hardcoded-secret: a media type names a format", () => {
  const table = (value: string) => ({ path: "public/scripts/util.js", content: lines(
    "const mimeTypes = {",
    `    "pkpass": "${value}",`,
    '    "kml": "application/vnd.google-earth.kml+xml",',
    "};") });
  test("`application/vnd.apple.pkpass` under a key ending in `pass`: not reported", () => {
    expect(found([table("application/vnd.apple.pkpass")], /^hardcoded-secret$/)).toEqual([]);
  });
  test("a credential-shaped value under the same key: reported", () => {
    expect(found([table("Zr8qT2vLx9PwK4mN7sYb")], /^hardcoded-secret$/)).toEqual(["public/scripts/util.js:ts-hardcoded-secret@2"]);
  });
});

describe("ignored-parameter: parameters read by the signature or named unused", () => {
  test("TS: a prop read as the default of a later prop is read", () => {
    const item = (second: string) => ({ path: "src/menus/SidebarItem.tsx", content: lines(
      "export const SidebarItem = ({",
      "  title,",
      "  defaultExpanded = false,",
      second,
      "}: { title: string; defaultExpanded?: boolean; expanded?: boolean }) => {",
      "  return expanded ? title : null;",
      "};") });
    expect(found([item("  expanded = defaultExpanded,")], /^ignored-parameter$/)).toEqual([]);
    expect(found([item("  expanded = true,")], /^ignored-parameter$/)).toEqual(["src/menus/SidebarItem.tsx:ts-ignored-option-parameter@3"]);
  });
  test("Go: a parameter named `unused` is kept for the signature", () => {
    const reply = (name: string) => ({ path: "server/datamodel.go", content: lines(
      "package main",
      `func ErrDuplicateCredential(id, ${name} string, ts time.Time) *ServerComMessage {`,
      '\treturn &ServerComMessage{Ctrl: &MsgServerCtrl{Id: id, Code: 409, Timestamp: ts}}',
      "}") });
    expect(found([reply("unused")], /^ignored-parameter$/)).toEqual([]);
    expect(found([reply("filter")], /^ignored-parameter$/)).toEqual(["server/datamodel.go:go-ignored-option-parameter@2"]);
  });
  test("Python: gunicorn's configuration hooks take gunicorn's parameter list", () => {
    const conf = (path: string) => ({ path, content: lines(
      "from prometheus_client import multiprocess",
      "",
      "def child_exit(server, worker):",
      "    multiprocess.mark_process_dead(worker.pid)") });
    expect(found([conf("scripts/gunicorn_conf.py")], /^ignored-parameter$/)).toEqual([]);
    expect(found([conf("scripts/metrics.py")], /^ignored-parameter$/).length).toBeGreaterThan(0);
  });
});

describe("unwired-auth: accessors and error constructors are not guards left unmounted", () => {
  test("Go: a getter named for an authorization value", () => {
    const props = (name: string) => ({ path: "internal/ap/properties.go", content: lines(
      "package ap",
      `func ${name}(with WithLikeAuthorization) *url.URL {`,
      "\tp := with.GetLikeAuthorization()",
      "\tif p == nil {",
      "\t\treturn nil",
      "\t}",
      "\treturn p.Get()",
      "}") });
    expect(found([props("GetLikeAuthorization")], /^unwired-auth$/)).toEqual([]);
    expect(found([props("RequireLikeAuthorization")], /^unwired-auth$/)).toEqual(["internal/ap/properties.go:go-unwired-auth@2"]);
  });
  test("Rust: an error constructor named for the refusal", () => {
    const errs = (name: string) => ({ path: "crates/api/src/lib.rs", content: lines(
      "impl HttpError {",
      `    pub fn ${name}(msg: impl Into<String>) -> Self {`,
      "        Self::new(StatusCode::UNAUTHORIZED, \"Unauthorized\", msg)",
      "    }",
      "}") });
    expect(found([errs("unauthorized_error")], /^unwired-auth$/)).toEqual([]);
  });
});

describe("the seventeenth session's readings, narrowed by its review", () => {
  test("py-pass-only: a command on a click group is no group; `Mockingbird` is no Mock", () => {
    const cli = (deco: string) => ({ path: "app/cli.py", content: lines(
      "import click",
      `${deco}`,
      "def purge_accounts():",
      '    """Purge the accounts that asked to be deleted."""',
      "    pass") });
    expect(found([cli("@click.group()")], /^stub$/)).toEqual([]);
    expect(found([cli("@group.command()")], /^stub$/)).toEqual(["app/cli.py:py-pass-only-function@3"]);
    const cls = (name: string) => ({ path: "app/notify.py", content: lines(
      `class ${name}:`,
      "    def send_alert(self, account, message):",
      "        pass") });
    expect(found([cls("FakeNotifier")], /^stub$/)).toEqual([]);
    expect(found([cls("Mockingbird")], /^stub$/)).toEqual(["app/notify.py:py-pass-only-function@2"]);
  });
  test("py-weaker-view-guard: a route path that says admin is no permission decorator", () => {
    const views = (route: string) => ({ path: "articles/views.py", content: lines(
      "@require_POST",
      '@permission_required("articles.import_wire", raise_exception=True)',
      "def import_wire_story(request, wire_id):",
      "    Article.objects.create(title=fetch(wire_id).headline)",
      "",
      `@app.route("${route}", methods=["POST"])`,
      "@login_required",
      "def lift_embargo(request, page_id):",
      "    article = get_object_or_404(ArticlePage, id=page_id)",
      "    article.save()") });
    expect(found([views("/admin/articles/<page_id>/lift")], /^unwired-auth$/)).toEqual(["articles/views.py:py-weaker-view-guard@6"]);
  });
  test("acts-before-gate: a path string tested beside another is read on its own", () => {
    const admin = (cond: string) => ({ path: "src/admin.rs", content: lines(
      "async fn handle(&self, session: &mut Session) -> Result<bool> {",
      "    let path = session.req_header().uri.path().to_string();",
      `    if ${cond} {`,
      "        self.upstreams.drain(&path);",
      "        return Ok(true);",
      "    }",
      "    if !self.authorized(session) {",
      "        return reply(session, 401).await;",
      "    }",
      "    Ok(false)",
      "}") });
    expect(found([admin('path == "/health" || path == "/x"')], /^unwired-auth$/)).toEqual([]);
    expect(found([admin('path == "/x" || path == "/drain"')], /^unwired-auth$/)).toEqual(["src/admin.rs:rs-acts-before-gate@3"]);
  });
  test("go-acts-before-gate: a handler returned as a closure is read too", () => {
    const handler = { path: "internal/admin/handler.go", content: lines(
      "package admin",
      "func Drain(pool *Pool, token string) http.HandlerFunc {",
      "\treturn func(w http.ResponseWriter, r *http.Request) {",
      '\t\tif r.URL.Query().Get("now") == "1" {',
      "\t\t\tpool.Drain()",
      "\t\t\treturn",
      "\t\t}",
      '\t\tif r.Header.Get("Authorization") != "Bearer "+token {',
      "\t\t\thttp.Error(w, \"unauthorized\", http.StatusUnauthorized)",
      "\t\t\treturn",
      "\t\t}",
      "\t\tpool.DrainGracefully()",
      "\t}",
      "}") };
    expect(found([handler], /^unwired-auth$/).filter((f) => f.includes("acts-before-gate"))).toEqual(["internal/admin/handler.go:go-acts-before-gate@4"]);
  });
});

describe("fresh30's misses, read after its held-out figures", () => {
  test("py-unguarded-registration: a destroying handler registered with the plain registrar beside its admin variant", () => {
    const services = (reset: string) => ({ path: "custom_components/poolctl/services.py", content: lines(
      "async def async_setup_services(hass):",
      "    async def handle_calibrate(call):",
      "        await client(hass, call).async_calibrate(call.data['probe'])",
      "    async def handle_export(call):",
      "        await client(hass, call).async_export(call.data['filename'])",
      "    async def handle_reset(call):",
      "        await client(hass, call).async_factory_reset()",
      "    async_register_admin_service(hass, DOMAIN, 'calibrate', handle_calibrate, schema=CALIBRATE_SCHEMA)",
      "    async_register_admin_service(hass, DOMAIN, 'export', handle_export, schema=EXPORT_SCHEMA)",
      reset) });
    expect(found([services("    hass.services.async_register(DOMAIN, 'reset', handle_reset, schema=ENTRY_SCHEMA)")], /^unwired-auth$/)).toEqual(["custom_components/poolctl/services.py:py-unguarded-registration@10"]);
    expect(found([services("    async_register_admin_service(hass, DOMAIN, 'reset', handle_reset, schema=ENTRY_SCHEMA)")], /^unwired-auth$/)).toEqual([]);
  });
  test("py-weaker-view-guard: Graphene mutations are siblings inside their classes", () => {
    const schema = (deco: string) => ({ path: "patients/schema.py", content: lines(
      "class CreatePrescription(graphene.Mutation):",
      "    @classmethod",
      '    @permission_required("patients.add_prescription")',
      "    def mutate(cls, root, info, patient_id, drug):",
      "        return Prescription.objects.create(patient_id=patient_id, drug=drug)",
      "",
      "class UpdatePrescription(graphene.Mutation):",
      "    @classmethod",
      `    ${deco}`,
      "    def mutate(cls, root, info, id, dose=None):",
      "        prescription = Prescription.objects.get(pk=id)",
      "        prescription.dose = dose",
      "        prescription.save()") });
    expect(found([schema("@login_required")], /^unwired-auth$/)).toEqual(["patients/schema.py:py-weaker-view-guard@8"]);
    expect(found([schema('@permission_required("patients.change_prescription")')], /^unwired-auth$/)).toEqual([]);
  });
  test("py-not-implemented: a body that only raises a framework error saying it is not implemented", () => {
    const mutation = (body: string) => ({ path: "patients/schema.py", content: lines(
      "class CancelAppointment(graphene.Mutation):",
      "    @classmethod",
      '    @permission_required("patients.change_appointment")',
      "    def mutate(cls, root, info, id, reason):",
      body) });
    expect(found([mutation('        raise GraphQLError("Not implemented")')], /^stub$/)).toEqual(["patients/schema.py:py-not-implemented@5"]);
    expect(found([mutation('        raise GraphQLError("Appointment not found")')], /^stub$/)).toEqual([]);
  });
  test("insecure-compare: a one-time code for check-in or enrolment is a credential", () => {
    const checkIn = (field: string) => ({ path: "patients/schema.py", content: lines(
      "def check_in(appointment, code):",
      `    if appointment.${field} != code.strip():`,
      '        raise GraphQLError("Check-in code does not match")',
      "    appointment.save()") });
    expect(found([checkIn("checkin_code")], /^insecure-compare$/)).toEqual(["patients/schema.py:py-insecure-compare@2"]);
    expect(found([checkIn("country_code")], /^insecure-compare$/)).toEqual([]);
  });
  test("rs-tls-disabled: lettre spells it dangerous_accept_invalid_certs", () => {
    const mail = (flag: string) => ({ path: "src/server/mail.rs", content: lines(
      "pub fn mailer(config: &SmtpConfig) -> Result<Mailer, Error> {",
      "    let tls = TlsParameters::builder(config.host.clone())",
      `        .dangerous_accept_invalid_certs(${flag})`,
      "        .build()?;",
      "    Ok(AsyncSmtpTransport::<Tokio1Executor>::relay(&config.host)?.tls(Tls::Required(tls)).build())",
      "}") });
    expect(found([mail("true")], /^tls-disabled$/)).toEqual(["src/server/mail.rs:rs-tls-disabled@2"]);
    expect(found([mail("false")], /^tls-disabled$/)).toEqual([]);
  });
  test("rs-hardcoded-secret: serde's default function for a secret returns the secret the program runs with", () => {
    const config = (value: string) => ({ path: "src/config.rs", content: lines(
      "fn default_session_secret() -> String {",
      `    ${value}.to_owned()`,
      "}") });
    expect(found([config('"9f2c4e7a1b8d3f60c5e2a9b74d1f8e3c6a0b5d2e7f4c1a9b8e3d6f0a2c5b7e4d"')], /^hardcoded-secret$/)).toEqual(["src/config.rs:rs-hardcoded-secret@2"]);
    expect(found([config('std::env::var("SESSION_SECRET").unwrap_or_default()')], /^hardcoded-secret$/)).toEqual([]);
  });
  test("rs-discarded-result: a filesystem write by path is a write whatever its arguments are called", () => {
    const upload = (call: string) => ({ path: "src/api.rs", content: lines(
      "pub async fn upload(dir: PathBuf, bytes: Vec<u8>) -> Result<i64, Error> {",
      `    let _ = ${call};`,
      '    Ok(storage::insert("x").await?)',
      "}") });
    expect(found([upload('tokio::fs::write(dir.join("x"), &bytes).await')], /^swallowed-error$/)).toEqual(["src/api.rs:rs-discarded-result@2"]);
  });
  test("swallowed-error: a handler that only leaves is a claim around a record, nothing around a parse", () => {
    const importer = (call: string) => ({ path: "labs/importer.py", content: lines(
      "def run(self, rows):",
      "    for raw in rows:",
      "        try:",
      `            ${call}`,
      "        except Exception:",
      "            continue",
      "        self.stats.imported += 1") });
    expect(found([importer("self.save(self.parse(raw))")], /^swallowed-error$/)).toEqual(["labs/importer.py:py-broad-except-pass@5"]);
    expect(found([importer("parsed = self.parse(raw)")], /^swallowed-error$/)).toEqual([]);
    const subscriber = (call: string) => ({ path: "src/subscribers/order-placed.ts", content: lines(
      "export default async function orderPlaced({ container }) {",
      "  try {",
      `    await ${call};`,
      "  } catch (err) {",
      "    return;",
      "  }",
      "  logger.info('recorded');",
      "}") });
    expect(found([subscriber("marketplace.createVendorSales(sales)")], /^swallowed-error$/)).toEqual(["src/subscribers/order-placed.ts:ts-empty-catch@4"]);
    expect(found([subscriber("loadPreview(order)")], /^swallowed-error$/)).toEqual([]);
  });
});
