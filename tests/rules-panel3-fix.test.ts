// Panel 3 (eight repositories nobody tuned on) after the eighth pass: four shapes that reported code a careful
// reader rejects. Each with a case the floor must still report and the decoy it must not (fresh snippets).
import { describe, expect, test } from "bun:test";
import { foundIn, lines, type SnippetFile as File } from "./support/snippet-scan";

const MINE = /^(unwired-auth|ignored-parameter|insecure-compare)$/;
const found = (...files: File[]) => foundIn(files, MINE);

describe("rs-unguarded-dispatch: the sibling's check must gate an act of its arm", () => {
  const effects = (checkArm: string) => ({ path: "src/ui/runner.rs", content: lines(
    "impl Runner {",
    "    fn apply(&mut self, effects: Vec<Effect>) {",
    "        for effect in effects {",
    "            match effect {",
    `                ${checkArm}`,
    "                Effect::Cancel { job_id } => {",
    "                    if let Some(tx) = self.running.remove(&job_id) { let _ = tx.send(()); }",
    "                }",
    "                Effect::Redraw => self.redraw(),",
    "            }",
    "        }",
    "    }",
    "}") });
  test("a sibling arm that checks permission, then runs the job: the bare removing arm is reported", () => {
    expect(found(effects("Effect::Run { job } => { self.require_permission(&job)?; self.start(job) }"))).toEqual(["unwired-auth@src/ui/runner.rs:6"]);
  });
  test("a sibling arm whose whole work is the permission check (the effect IS the check): not reported", () => {
    expect(found(effects("Effect::CheckPermission { job } => self.check_permission(job),"))).toEqual([]);
  });
});

describe("py-unread-cli-option: a positional argument reaches the consumer's *args", () => {
  const cmd = (handle: string, body: string) => ({ path: "inventory/management/commands/recount.py", content: lines(
    "class Command(BaseCommand):",
    "    def add_arguments(self, parser):",
    "        parser.add_argument(\"args\", metavar=\"app_label\", nargs=\"*\")",
    "        parser.add_argument(\"--dry-run\", action=\"store_true\")",
    "",
    `    def ${handle}:`,
    "        if options[\"dry_run\"]:",
    "            return",
    body) });
  test("*labels read by the consumer: the positional is read, not reported", () => {
    expect(found(cmd("handle(self, *labels, **options)", "        for label in labels:\n            recount(label)"))).toEqual([]);
  });
  test("a *args parameter the consumer never reads, or none at all: the positional is reported", () => {
    expect(found(cmd("handle(self, *labels, **options)", "        recount_all()"))).toEqual(["ignored-parameter@inventory/management/commands/recount.py:3"]);
    expect(found(cmd("handle(self, **options)", "        recount_all()"))).toEqual(["ignored-parameter@inventory/management/commands/recount.py:3"]);
  });
  test("a flag (not positional) is not excused by a read *args", () => {
    const flag = { path: "inventory/management/commands/recount.py", content: lines(
      "class Command(BaseCommand):",
      "    def add_arguments(self, parser):",
      "        parser.add_argument(\"--since\")",
      "        parser.add_argument(\"--dry-run\", action=\"store_true\")",
      "",
      "    def handle(self, *labels, **options):",
      "        if options[\"dry_run\"]:",
      "            return",
      "        for label in labels:",
      "            recount(label)") };
    expect(found(flag)).toEqual(["ignored-parameter@inventory/management/commands/recount.py:3"]);
  });
});

describe("go-insecure-compare: an equality call is judged by its operands, not by a literal's words", () => {
  const copy = (cmp: string) => ({ path: "proxy/forward.go", content: lines(
    "package proxy",
    "",
    "func forward(dst *http.Request, extra map[string]string) {",
    "\tfor name, value := range extra {",
    `\t\tif ${cmp} {`,
    "\t\t\tcontinue",
    "\t\t}",
    "\t\tdst.Header.Set(name, value)",
    "\t}",
    "}") });
  test("a header NAME compared case-blind with the literal \"authorization\": not reported", () => {
    expect(found(copy('strings.EqualFold(name, "authorization")'))).toEqual([]);
    expect(found(copy('strings.EqualFold(name, "X-Api-Key")'))).toEqual([]);
  });
  test("a presented API key compared case-blind with the stored one: reported", () => {
    const gate = { path: "proxy/gate.go", content: lines(
      "package proxy",
      "",
      "func (g *Gate) allowed(r *http.Request) bool {",
      "\treturn strings.EqualFold(r.Header.Get(\"X-Api-Key\"), g.apiKey)",
      "}") };
    expect(found(gate)).toEqual(["insecure-compare@proxy/gate.go:4"]);
  });
});

describe("go-unguarded-route: a login handler named by a method value authenticates its caller", () => {
  const routes = (login: string) => ({ path: "internal/feeds/api.go", content: lines(
    "package feeds",
    "",
    "func NewAPI(store *Store) http.Handler {",
    "\th := &api{store: store}",
    "\tmux := http.NewServeMux()",
    "\tmux.HandleFunc(\"POST /v1/ClientLogin\", h.authenticate)",
    "\tmux.Handle(\"POST /v1/items/star\", withAPIKey(store, h.star))",
    "\treturn mux",
    "}",
    "",
    "func withAPIKey(store *Store, next http.HandlerFunc) http.Handler {",
    "\treturn http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {",
    "\t\tif !store.ValidAPIKey(r.Header.Get(\"Authorization\")) {",
    "\t\t\thttp.Error(w, \"unauthorized\", http.StatusUnauthorized)",
    "\t\t\treturn",
    "\t\t}",
    "\t\tnext(w, r)",
    "\t})",
    "}",
    "",
    "func (h *api) authenticate(w http.ResponseWriter, r *http.Request) {",
    "\tname, secret := r.FormValue(\"Email\"), r.FormValue(\"Passwd\")",
    login,
    "\tfmt.Fprint(w, h.store.IssueKey(name))",
    "}") });
  test("the handler verifies the password and answers 401 itself: not reported", () => {
    expect(found(routes("\tif err := h.store.CheckPassword(name, secret); err != nil {\n\t\thttp.Error(w, \"bad credentials\", http.StatusUnauthorized)\n\t\treturn\n\t}"))).toEqual([]);
  });
  test("the handler issues a key to whoever asks (no verification, no 401): reported", () => {
    expect(found(routes("\t_ = secret"))).toEqual(["unwired-auth@internal/feeds/api.go:6"]);
  });
});
