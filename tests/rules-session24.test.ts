// Readings of the twenty-fourth session of issue 10 (docs/RULES.md): each test fails without its change.
import { describe, expect, test } from "bun:test";
import { definedNames } from "../pipeline/rules/test-helpers";
import { isTestOnlyCfg } from "../pipeline/rules/place";
import { lines, scanSnippets } from "./support/snippet-scan";

type File = { path: string; content: string };
const found = (files: File[], cls: RegExp) => scanSnippets(files, cls).map((f) => `${f.file}:${f.rule_id}@${f.line}${f.severity === "info" ? " note" : ""}`);

describe("stub: a class of empty typed methods nobody makes is a declaration", () => {
  const brightness = ["", "class Brightness:", "    brightness: float", "    async def setBrightness(self, brightness: float) -> None:", "        pass"];
  const sdk = (tail: string[]) => ({ path: "sdk/python/scrypted_sdk/types.py", content: lines(
    "class Camera:",
    "    pictureOptions: list",
    "    async def takePicture(self, options: dict = None) -> bytes:",
    "        pass",
    "    async def getPictureOptions(self) -> list:",
    "        pass",
    ...tail) });
  test("a module of classes with no base, every method empty and typed, never instantiated: no finding", () => {
    expect(found([sdk(brightness)], /^stub$/)).toEqual([]);
  });
  test("a lone such class, or one the module instantiates, is a stub", () => {
    expect(found([sdk([])], /^stub$/).length).toBe(2);
    expect(found([sdk([...brightness, "", "CAMERAS = {'default': Camera()}"])], /^stub$/).length).toBe(2);
  });
});

describe("place: Rust items compiled only for tests", () => {
  test("cfg predicates: test, all(test, ..), any of test and test-named features", () => {
    expect(isTestOnlyCfg("#[cfg(test)]")).toBe(true);
    expect(isTestOnlyCfg('#[cfg(any(test, feature = "__internal-fuzz", feature = "__internal-test"))]')).toBe(true);
    expect(isTestOnlyCfg('#[cfg(all(test, target_os = "linux"))]')).toBe(true);
    expect(isTestOnlyCfg('#[cfg(any(test, feature = "tls"))]')).toBe(false);
    expect(isTestOnlyCfg('#[cfg(feature = "test-util")]')).toBe(false);
    expect(isTestOnlyCfg("#[cfg(not(test))]")).toBe(false);
  });
  const packet = (attr: string) => ({ path: "ntp-proto/src/packet/mod.rs", content: lines(
    "pub struct NtpPacket { header: u8 }",
    attr,
    "impl NtpPacket {",
    "    pub fn set_reference_id(&mut self, id: u32) {",
    '        unimplemented!("NTPv5 does not have reference IDs")',
    "    }",
    "}") });
  test("an impl block under a test-only cfg is test code; under a product feature it ships", () => {
    expect(found([packet('#[cfg(any(test, feature = "__internal-fuzz"))]')], /^stub$/)).toEqual([]);
    expect(found([packet('#[cfg(feature = "ntpv5")]')], /^stub$/)).toEqual(["ntp-proto/src/packet/mod.rs:rs-todo-macro@5"]);
  });
});

describe("unwired-auth: Django's access mixin after the view", () => {
  const views = (bases: string) => ({ path: "users/views.py", content: lines(
    "from django.contrib.auth.mixins import LoginRequiredMixin",
    "from django.views.generic import View",
    "",
    `class PreferencesView(${bases}):`,
    "    def get(self, request):",
    "        return render(request, 'users/preferences.html', {'prefs': request.user.preferences})") });
  test("(View, LoginRequiredMixin) never runs the check; (LoginRequiredMixin, View) does", () => {
    expect(found([views("View, LoginRequiredMixin")], /^unwired-auth$/)).toEqual(["users/views.py:py-guard-mixin-order@4"]);
    expect(found([views("LoginRequiredMixin, View")], /^unwired-auth$/)).toEqual([]);
  });
});

describe("assertion-free-test: page objects and scenario steps", () => {
  const pageObject = { path: "packages/app/test/libs/file.ts", content: lines(
    "class File {",
    "  public async verifyObjectPropertyInFile(path: string, key: string, value: unknown) {",
    "    const content = JSON.parse(await readFile(path));",
    "    this.verifyObjectProperty(content, key, value);",
    "  }",
    "  public verifyObjectProperty(object: any, key: string, value: unknown) {",
    "    expect(object[key]).toEqual(value);",
    "  }",
    "}",
    "export default new File();") };
  const spec = (call: string) => ({ path: "packages/app/test/specs/changelog.spec.ts", content: lines(
    "import file from '../libs/file';",
    "describe('Changelog', () => {",
    "  it('should have the current version as the last shown', async () => {",
    `    ${call}`,
    "  });",
    "});") });
  test("public methods are definitions a caller can reach", () => {
    expect(definedNames("  public async verifyObjectPropertyInFile(\n  private static helper() {}").has("verifyObjectPropertyInFile")).toBe(true);
  });
  test("a method called on a page-object instance named for its class asserts for the test", () => {
    expect(found([pageObject, spec("await file.verifyObjectPropertyInFile('./settings.json', 'lastChangelog', '1.0');")], /^assertion-free-test$/)).toEqual([]);
    expect(found([pageObject, spec("await other.verifyObjectPropertyInFile('./settings.json', 'lastChangelog', '1.0');")], /^assertion-free-test$/)).toEqual(["packages/app/test/specs/changelog.spec.ts:ts-assertion-free-test@3"]);
  });
  test("an awaited element action throws when the element never appears: a smoke note", () => {
    const step = { path: "packages/app/test/specs/callbacks.spec.ts", content: lines(
      "describe('Callbacks', () => {",
      "  it('should add an absolute callback', async () => {",
      "    await $('#callbacks-add').click();",
      "    await $('#callback-name').setValue('absolute call');",
      "  });",
      "});") };
    expect(found([step], /^assertion-free-test$/)).toEqual(["packages/app/test/specs/callbacks.spec.ts:ts-assertion-free-test@2 note"]);
    // user-event is handed an element already found: no throw of its own.
    const unit = { path: "src/button.test.ts", content: lines("it('clicks', async () => {", "  await user.click(button);", "});") };
    expect(found([unit], /^assertion-free-test$/)).toEqual(["src/button.test.ts:ts-assertion-free-test@1"]);
  });
  const suite = (assign: string) => ({ path: "source/modules/hardware/raid.vm.test.ts", content: lines(
    "import {expect, describe, test, beforeAll, beforeEach} from 'vitest'",
    "describe('RAID replacement', () => {",
    "  let vm: Vm",
    "  let firstId: string",
    "  let failed = false",
    "  beforeAll(async () => { vm = await createTestVm() })",
    "  beforeEach(({skip}) => { if (failed) skip() })",
    "  test('detects both devices', async () => {",
    "    const devices = await vm.client.devices.query()",
    "    expect(devices).toHaveLength(2)",
    `    ${assign}`,
    "  })",
    "  test('registers user with storage RAID config', async () => {",
    "    await vm.signup({raidDevices: [firstId]})",
    "  })",
    "  test('reports the RAID status', async () => {",
    "    expect((await vm.client.raid.status.query()).devices).toHaveLength(2)",
    "  })",
    "})") });
  test("a step of a suite whose tests share state and a later test asserts: a scenario note", () => {
    expect(found([suite("firstId = devices[0].id")], /^assertion-free-test$/)).toEqual(["source/modules/hardware/raid.vm.test.ts:ts-assertion-free-test@13 note"]);
    // A step acting only on the suite's fixture (the VM `beforeAll` made) is a step too, while the suite hands state on.
    const boots = suite("firstId = devices[0].id").content.replace("  test('registers user", "  test('boots', async () => {\n    await vm.powerOn()\n  })\n  test('registers user");
    expect(found([{ path: "source/modules/hardware/raid.vm.test.ts", content: boots }], /^assertion-free-test$/)).toEqual(["source/modules/hardware/raid.vm.test.ts:ts-assertion-free-test@13 note", "source/modules/hardware/raid.vm.test.ts:ts-assertion-free-test@16 note"]);
    // No test hands state to another: the step is an ordinary test that checks nothing.
    expect(found([suite("console.log(devices.length)")], /^assertion-free-test$/)).toEqual(["source/modules/hardware/raid.vm.test.ts:ts-assertion-free-test@13"]);
  });
});

describe("unwired-auth: reads sent as POST bodies and queries scoped to the caller", () => {
  const router = (view: string[]) => ({ path: "core/web/apiv2/entities.py", content: lines(
    "router = APIRouter()",
    "",
    '@router.patch("/{id}")',
    "@rbac.permission_on_target(Permission.WRITE)",
    "def patch(httpreq: Request, id: str, request: PatchRequest):",
    "    entity = Entity.get(id)",
    "    entity.update(request.entity)",
    "    return entity.save()",
    "",
    ...view) });
  test("a POST named for a search, making no write, is judged as a read", () => {
    expect(found([router(['@router.post("/search")', "def search(httpreq: Request, request: SearchRequest):", "    return Entity.search(request.query)"])], /^unwired-auth$/)).toEqual([]);
    expect(found([router(['@router.post("/purge")', "def purge(httpreq: Request, request: PurgeRequest):", "    Entity.delete_all(request.ids)"])], /^unwired-auth$/).length).toBe(1);
  });
  test("a view whose query is handed who is asking decides for itself; an audit call handed the actor does not", () => {
    expect(found([router(['@router.post("/archive")', "def archive(httpreq: Request, request: ArchiveRequest):", "    Entity.filter(ids=request.ids, user=httpreq.state.user).archive()"])], /^unwired-auth$/)).toEqual([]);
    expect(found([router(['@router.post("/purge")', "def purge(httpreq: Request, request: PurgeRequest):", "    Entity.delete_all(request.ids)", "    audit.log('entity.purged', request.ids, actor=current_user)"])], /^unwired-auth$/).length).toBe(1);
  });
});

describe("insecure-compare: Go enumerated and imported constants, pending promises", () => {
  const server = (line: string) => ({ path: "internal/server/server.go", content: lines(
    "package server",
    "",
    "type csrfTokenOption int",
    "",
    "const (",
    "\tcsrfTokenRequired csrfTokenOption = 1 + iota",
    "\tcsrfTokenNotRequired",
    ")",
    "",
    "func isCorrectSignature(sig []byte, checkCSRFToken csrfTokenOption) bool {",
    "\tconst (",
    "\t\tvalidSignature = cachedir.CacheDirMarkerHeader",
    "\t)",
    `\t${line}`,
    "}",
    "",
    "type S struct{ token string }",
    "",
    "func (s *S) auth(got string) bool { return got == s.token }") });
  test("an iota constant and another package's constant are no secrets; a held token still is", () => {
    expect(found([server("return string(sig) != validSignature")], /^insecure-compare$/)).toEqual(["internal/server/server.go:go-insecure-compare@19"]);
    expect(found([server("return checkCSRFToken == csrfTokenRequired")], /^insecure-compare$/)).toEqual(["internal/server/server.go:go-insecure-compare@19"]);
  });
  test("a promise compared for identity", () => {
    const auth = { path: "plugins/cloud/src/main.ts", content: lines(
      "async function refresh(this: Cloud) {",
      "  const accessTokenPromise = this.fetchToken();",
      "  this.accessToken = accessTokenPromise;",
      "  await accessTokenPromise;",
      "  if (this.accessToken === accessTokenPromise) this.accessToken = undefined;",
      "}") };
    expect(found([auth], /^insecure-compare$/)).toEqual([]);
  });
});

describe("swallowed-error: teardown routines and stored promises", () => {
  const cleanup = (name: string) => ({ path: "plugins/webrtc/src/wrtc-to-rtsp.ts", content: lines(
    "export function start(clientPromise: Promise<Client>, peer: Peer) {",
    `  const ${name} = () => {`,
    "    console.log('webrtc/rtsp cleaning up');",
    "    clientPromise.then(client => client.destroy()).catch(() => { });",
    "    peer.close().catch(() => { });",
    "  };",
    `  return ${name};`,
    "}") });
  test("releases in a routine named for tearing down are not reported; the same in any routine are", () => {
    expect(found([cleanup("cleanup")], /^swallowed-error$/)).toEqual([]);
    expect(found([cleanup("refresh")], /^swallowed-error$/).length).toBe(2);
  });
  test("a write in a teardown routine stays reported", () => {
    const flush = { path: "src/session.ts", content: lines("export async function close(store: Store, s: Session) {", "  await store.save(s).catch(() => {});", "}") };
    expect(found([flush], /^swallowed-error$/).length).toBe(1);
  });
});

describe("fresh36's readings: guards by convention", () => {
  test("a Bolt listener without the requireRole(..) argument its siblings are handed", () => {
    const f = (extra: string) => ({ path: "src/listeners/interactions.ts", content: lines(
      "export function register(app: App, deps: Deps): void {",
      '  app.action("approve_request", requireRole("approver"), approve(deps));',
      '  app.action("deny_request", requireRole("approver"), deny(deps));',
      `  app.action("revoke_confirm", ${extra}revokeConfirmed(deps));`,
      '  app.action("open_runbook", async ({ ack }) => { await ack(); });',
      "}") });
    expect(found([f("")], /^unwired-auth$/)).toEqual(["src/listeners/interactions.ts:ts-unguarded-registration@4"]);
    expect(found([f('requireRole("admin"), ')], /^unwired-auth$/)).toEqual([]);
  });
  test("Hug's requires= keyword guards a route; a write route without it is reported", () => {
    const f = (retire: string) => ({ path: "fleetdesk/vehicles.py", content: lines(
      '@hug.get("/", requires=token_auth)',
      "def list_vehicles(session: dbsession):",
      "    return session.query(Vehicle).all()",
      "",
      '@hug.put("/{vehicle_id}/odometer", requires=token_auth)',
      "def set_odometer(session: dbsession, vehicle_id: int, km: int):",
      "    session.get(Vehicle, vehicle_id).odometer_km = km",
      "",
      retire,
      "def retire(session: dbsession, vehicle_id: int):",
      "    session.delete(session.get(Vehicle, vehicle_id))") });
    expect(found([f('@hug.put("/{vehicle_id}/retire")')], /^unwired-auth$/)).toEqual(["fleetdesk/vehicles.py:py-unguarded-route@9"]);
    expect(found([f('@hug.put("/{vehicle_id}/retire", requires=token_auth)')], /^unwired-auth$/)).toEqual([]);
  });
  test("a guard named by its shape but deciding nothing: a front end's API call, a deprecated no-op, a CORS policy", () => {
    const api = { path: "web/src/api/authorityBtn.js", content: lines("export const canRemoveAuthorityBtnApi = (params) => {", "  return service({ url: '/authorityBtn/canRemoveAuthorityBtn', method: 'post', params })", "}") };
    const shim = { path: "jupyter_server/auth/utils.py", content: lines("import warnings", "", "def warn_disabled_authorization():", '    """DEPRECATED, does nothing"""', '    warnings.warn("deprecated", DeprecationWarning, stacklevel=2)') };
    expect(found([api, shim], /^unwired-auth$/)).toEqual([]);
  });
  test("a dunder method is mounted through its class", () => {
    const auth = { path: "core/web/apiv2/auth.py", content: lines(
      "class GetCurrentUserWithPermissions:",
      "    def __init__(self, admin: bool):",
      "        self.admin = admin",
      "",
      "    def __call__(self, user: User = Depends(get_current_user)) -> User:",
      "        if not user.admin:",
      '            raise HTTPException(status_code=403, detail="not an admin")',
      "        return user") };
    const users = { path: "core/web/apiv2/users.py", content: lines("@router.delete('/{id}')", "def delete(id: str, current_user: User = Depends(GetCurrentUserWithPermissions(admin=True))):", "    User.get(id).delete()") };
    expect(found([auth, users], /^unwired-auth$/)).toEqual([]);
    expect(found([auth], /^unwired-auth$/).length).toBe(1);
  });
});

describe("fresh36's readings: secrets, verification and swallows", () => {
  test("a local bound from a bare token, compared where the type authenticates", () => {
    const f = (cond: string) => ({ path: "src/auth.rs", content: lines(
      "impl ControlAuth {",
      "    pub fn check_privileged(&self, presented: Option<&str>) -> Result<(), AuthError> {",
      "        if let Some(expected) = &self.token {",
      "            let presented = presented.ok_or(AuthError::MissingToken)?;",
      `            if ${cond} {`,
      "                return Err(AuthError::BadToken);",
      "            }",
      "        }",
      "        Ok(())",
      "    }",
      "}") });
    expect(found([f("presented.as_bytes() != expected.as_bytes()")], /^insecure-compare$/)).toEqual(["src/auth.rs:rs-insecure-compare@5"]);
    expect(found([f("presented.len() != 64")], /^insecure-compare$/)).toEqual([]);
  });
  test("a pin that only logs a mismatch accepts every certificate", () => {
    const f = (onMismatch: string) => ({ path: "src/escrow.rs", content: lines(
      "struct PinnedCert { pin: String }",
      "impl ServerCertVerifier for PinnedCert {",
      "    fn verify_server_cert(&self, end_entity: &CertificateDer<'_>, _i: &[CertificateDer<'_>], _n: &ServerName<'_>, _o: &[u8], _t: UnixTime) -> Result<ServerCertVerified, rustls::Error> {",
      "        let fingerprint = hex::encode(Sha256::digest(end_entity.as_ref()));",
      "        if !fingerprint.eq_ignore_ascii_case(&self.pin) {",
      `            ${onMismatch}`,
      "        }",
      "        Ok(ServerCertVerified::assertion())",
      "    }",
      "}",
      "pub fn config(pin: String) -> ClientConfig {",
      "    ClientConfig::builder().dangerous().with_custom_certificate_verifier(Arc::new(PinnedCert { pin })).with_no_client_auth()",
      "}") });
    expect(found([f('tracing::warn!(%fingerprint, "pin mismatch");')], /^tls-disabled$/).length).toBe(1);
    expect(found([f('return Err(rustls::Error::General("pin mismatch".into()));')], /^tls-disabled$/)).toEqual([]);
  });
  test("a /tmp location a default function answers or a store's constructor is handed", () => {
    const rs = { path: "src/config.rs", content: lines("fn default_data_dir() -> PathBuf {", '    PathBuf::from("/tmp/flight-datasets")', "}") };
    const ts = { path: "src/app.ts", content: lines('export const store = new FileInstallationStore({ baseDir: "/tmp/access-desk/installations", clientId });') };
    const scratch = { path: "src/export.ts", content: lines('export const out = new Exporter({ baseDir: "/tmp/exports" });') };
    expect(found([rs, ts, scratch], /^hardcoded-path$/)).toEqual(["src/config.rs:rs-tmp-store@2", "src/app.ts:ts-tmp-store@1"]);
  });
  test("Go: a setup helper failing only on its own errors is no check; an unread recorder leaves the action unchecked", () => {
    const f = (body: string[]) => ({ path: "internal/handlers/webhook_test.go", content: lines(
      "package handlers",
      "",
      "func request(t *testing.T, nc *nats.Conn, subject, authz string) *nats.Msg {",
      "\tmsg := nats.NewMsg(subject)",
      "\tif authz != \"\" {",
      "\t\tmsg.Header.Set(\"Authorization\", authz)",
      "\t}",
      "\treply, err := nc.RequestMsg(msg, time.Second)",
      "\tif err != nil {",
      "\t\tt.Fatalf(\"request %s: %v\", subject, err)",
      "\t}",
      "\treturn reply",
      "}",
      "",
      "func TestSettles(t *testing.T) {",
      ...body,
      "}") });
    expect(found([f(["\trequest(t, nc, \"tickets.release\", \"cus-1\")"])], /^assertion-free-test$/)).toEqual(["internal/handlers/webhook_test.go:go-assertion-free-test@15"]);
    const recorder = ["\tif err := h.Store.Save(ctx, &Payout{ID: \"po_7\"}); err != nil {", "\t\tt.Fatal(err)", "\t}", "\trec := httptest.NewRecorder()", "\th.BankWebhook(rec, req)"];
    expect(found([f(recorder)], /^assertion-free-test$/)).toEqual(["internal/handlers/webhook_test.go:go-assertion-free-test@15"]);
    expect(found([f([...recorder, "\tif rec.Code != 200 {", "\t\tt.Fatalf(\"status %d\", rec.Code)", "\t}"])], /^assertion-free-test$/)).toEqual([]);
  });
});

describe("fresh36's readings: options and driver errors", () => {
  test("a point-in-time option left unread (`as_of`, like `since`)", () => {
    const f = (use: string) => ({ path: "fraudscore/features.py", content: lines(
      "class FeatureClient:",
      "    async def get_features(self, customer_id: str, as_of: Optional[datetime] = None) -> Optional[dict]:",
      `        resp = await self._client.get(f"/v2/entities/customer/{customer_id}", params={${use}})`,
      "        return resp.json()") });
    expect(found([f('"features": "all"')], /^ignored-parameter$/)).toEqual(["fraudscore/features.py:py-ignored-option-parameter@2"]);
    expect(found([f('"as_of": as_of')], /^ignored-parameter$/)).toEqual([]);
  });
  test("a database driver's error passed over around a call named for writing", () => {
    const f = (call: string) => ({ path: "service.py", content: lines(
      "class Service:",
      "    def score(self, tx):",
      "        try:",
      `            ${call}`,
      "        except sqlite3.Error:",
      "            pass") });
    expect(found([f("self.decisions.record(tx)")], /^swallowed-error$/)).toEqual(["service.py:py-except-pass-on-write@5"]);
    expect(found([f('return self.conn.execute("SELECT v FROM kv").fetchone()')], /^swallowed-error$/)).toEqual([]);
  });
});

describe("the review's counter-examples (helper 230)", () => {
  test("a business method named for closing or releasing is no teardown routine", () => {
    const f = (name: string) => ({ path: "src/accounts.ts", content: lines(
      "export class Accounts {",
      `  async ${name}() {`,
      "    try { await this.billing.subscription.stop(); await this.ledger.close(); } catch {}",
      "  }",
      "}") });
    expect(found([f("closeAccount")], /^swallowed-error$/).length).toBe(1);
    expect(found([f("destroy")], /^swallowed-error$/)).toEqual([]);
  });
  test("a test that neither sets nor reads the suite's shared state is no scenario step", () => {
    const f = { path: "test/api.test.ts", content: lines(
      "describe('api', () => {",
      "  let token: string;",
      "  it('logs in', async () => { token = await login('bob', 'pw'); });",
      "  it('deletes the account', async () => { await api.post('/account/delete', { id: 1 }); });",
      "  it('reads profile', async () => { expect(await getProfile(token)).toBeDefined(); });",
      "});") };
    // 'logs in' hands its token on: a step (a note). 'deletes the account' touches no shared state: a finding.
    expect(found([f], /^assertion-free-test$/)).toEqual(["test/api.test.ts:ts-assertion-free-test@3 note", "test/api.test.ts:ts-assertion-free-test@4"]);
  });
  test("fireEvent and a key-value client's setValue are no page actions", () => {
    const f = { path: "src/form.test.ts", content: lines("it('submits', async () => {", "  await fireEvent.click(btn);", "  await kv.setValue('a', 1);", "});") };
    expect(found([f], /^assertion-free-test$/)).toEqual(["src/form.test.ts:ts-assertion-free-test@1"]);
  });
  test("a Go verifier that only logs the certificate's hash pins nothing", () => {
    const f = { path: "internal/client/tls.go", content: lines(
      "package client",
      "",
      "func Config() *tls.Config {",
      "\treturn &tls.Config{InsecureSkipVerify: true, VerifyPeerCertificate: func(raw [][]byte, _ [][]*x509.Certificate) error {",
      "\t\tlog.Printf(\"server cert sha256=%x\", sha256.Sum256(raw[0]))",
      "\t\treturn nil",
      "\t}}",
      "}") };
    expect(found([f], /^tls-disabled$/)).toEqual(["internal/client/tls.go:go-tls-disabled@4"]);
  });
  test("a middleware that sets CORS headers and checks the user is a guard", () => {
    const gate = { path: "src/partner-gate.ts", content: lines(
      "export function partnerGate(req, res, next) {",
      "  res.setHeader('Access-Control-Allow-Origin', req.headers.origin ?? '*');",
      "  const user = (req as any).session?.user;",
      "  if (!user || user.role !== 'partner') return res.status(403).json({ error: 'forbidden' });",
      "  next();",
      "}") };
    expect(found([gate], /^unwired-auth$/).length).toBe(1);
  });
  test("a Go handler group: unexported steps and handlers that decide for themselves are not held to the check", () => {
    const h = (name: string, body: string[]) => [`func (h *Handlers) ${name}(ctx context.Context, in *common.InvocationEvent) (*common.Content, error) {`, ...body, "}"];
    const guarded = ["\tif err := h.requireCaller(ctx, h.Cfg.BackofficeAppID); err != nil {", "\t\treturn nil, err", "\t}", "\treturn h.updateStatus(ctx, in)"];
    const f = (extra: string[]) => ({ path: "internal/handlers/invoke.go", content: lines("package handlers", ...h("ApprovePayout", guarded), ...h("HoldPayout", guarded), ...h("GetPayout", guarded), ...extra) });
    expect(found([f(h("updateStatus", ["\treturn h.Store.Set(ctx, in)"]))], /^unwired-auth$/)).toEqual([]);
    expect(found([f(h("DeletePayout", ["\tif !h.isAdmin(ctx) {", "\t\treturn nil, status.Error(codes.PermissionDenied, \"admin only\")", "\t}", "\treturn h.Store.Delete(ctx, in)"]))], /^unwired-auth$/)).toEqual([]);
    expect(found([f(h("DeletePayout", ["\treturn h.Store.Delete(ctx, in)"]))], /^unwired-auth$/).length).toBe(1);
  });
  test("a payload check wrapping its siblings is no access guard", () => {
    const f = { path: "internal/server/routes.go", content: lines(
      "package server",
      "",
      "func (s *Server) routes() {",
      "\ts.mux.Handle(\"/api/items/create\", requireJSON(s.createItem))",
      "\ts.mux.Handle(\"/api/items/update\", requireJSON(s.updateItem))",
      "\ts.mux.Handle(\"/api/items/delete\", s.deleteItem)",
      "}") };
    expect(found([f], /^unwired-auth$/)).toEqual([]);
  });
  test("Go helpers: one that returns nothing and fails on an error checks; a side effect checked after the request counts", () => {
    const f = (body: string[]) => ({ path: "internal/addr/addr_test.go", content: lines(
      "package addr",
      "",
      "func assertValid(t *testing.T, addr string) {",
      "\tif err := Validate(addr); err != nil {",
      "\t\tt.Errorf(\"%s: %v\", addr, err)",
      "\t}",
      "}",
      "",
      "func TestAddr(t *testing.T) {",
      ...body,
      "}") });
    expect(found([f(["\tassertValid(t, \"a@b.c\")"])], /^assertion-free-test$/)).toEqual([]);
    expect(found([f(["\trec := httptest.NewRecorder()", "\tsrv.ServeHTTP(rec, req)", "\tif _, err := db.FindUser(\"bob\"); err != nil {", "\t\tt.Fatalf(\"user not created: %v\", err)", "\t}"])], /^assertion-free-test$/)).toEqual([]);
  });
  test("a project's base listed before the mixin may carry its own", () => {
    const f = { path: "reports/views.py", content: lines("class ReportView(BaseView, PermissionRequiredMixin):", "    permission_required = 'reports.view'") };
    expect(found([f], /^unwired-auth$/)).toEqual([]);
  });
});
