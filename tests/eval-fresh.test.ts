// The floor on the fresh corpora (written elsewhere without reading the rules, development material since
// they were last held out): the figures reached are a regression floor, not a target.
import { describe, expect, test } from "bun:test";
import { join } from "node:path";
import { runCli } from "../pipeline/cli/main";
import type { Io } from "../pipeline/cli/command";

const ROOT = join(import.meta.dir, "..");

async function evalCorpus(name: string, ...flags: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (t) => out.push(t), err: (t) => err.push(t), cwd: ROOT, env: {}, isTTY: false };
  const code = await runCli(["eval", join(ROOT, "tests", name), "--ladder", "offline", "--json", ...flags], io);
  return { code, r: code === 0 ? JSON.parse(out.join("")) : null, err: err.join("") };
}

/** What the second pass reached (class matching; info-level notes not scored). */
// `notes`: info-level notes not scored. The smoke-test notes (1 and 2) are left out of a sweep since
// `static.smokeNotes: omit`; `--score-notes` brings them back (SMOKE_NOTES below).
const REACHED = {
  "corpus-fresh": { expected: 56, found: 56, falsePositives: 0, notes: 0 },
  "corpus-fresh2": { expected: 62, found: 62, falsePositives: 0, notes: 0 },
} as const;
/** corpus-fresh2's smoke-test notes, each on a decoy: what `--score-notes` scores as false positives. */
const SMOKE_NOTES_FRESH2 = 2;

/**
 * The last held-out measures (README History), kept as floors now that the corpora are development material;
 * raised only upward (corpus-injection2: 24 found / 1 false positive held out, 32 / 0 after the third pass;
 * corpus-fresh4: see its entry).
 */
const HELD_OUT = {
  "corpus-fresh3": { expected: 64, found: 63, falsePositives: 0, notes: 2, languages: ["go", "python", "rust", "typescript"] },
  // Held out: 61 found / 5 false positives (88.4% / 92.5%); after the fourth pass 69 / 0.
  "corpus-fresh4": { expected: 69, found: 69, falsePositives: 0, notes: 0, languages: ["go", "python", "rust", "typescript"] },
  // Held out: 39 found / 1 false positive (70.9% / 97.6%); after the fifth pass (tuned on it) 55 / 0.
  "corpus-fresh5": { expected: 55, found: 55, falsePositives: 0, notes: 0, languages: ["go", "python", "rust", "typescript"] },
  // Held out: 51 found / 0 false positives (69.9% / 100%) after the fifth pass; after the sixth (tuned on it) 68 / 0,
  // after the seventh 73 / 0.
  "corpus-fresh6": { expected: 73, found: 73, falsePositives: 0, notes: 0, languages: ["go", "python", "rust", "typescript"] },
  // Held out: 62 found / 2 false positives (80.5% / 96.9%) after the sixth pass; after the seventh (tuned on it) 77 / 0.
  // Since claims and leads one of the 77 is a lead (a spool-file delete under `except OSError: pass`).
  "corpus-fresh7": { expected: 77, found: 77, falsePositives: 0, notes: 0, leads: 1, languages: ["go", "python", "rust", "typescript"] },
  // Held out: 47 found / 6 false positives (66.2% / 88.9%) after the seventh pass; after the eighth (tuned on it) 69 / 0.
  "corpus-fresh8": { expected: 71, found: 69, falsePositives: 0, notes: 0, languages: ["go", "python", "rust", "typescript"] },
  // Held out (2026-12-01/02): 58 found / 3 false positives (79.5% / 95.2%) at best; development material since
  // 2026-12-02, after the unwired-auth and ignored-parameter recall passes 64 / 3 with leads (63 / 2 as claims:
  // one lead is a planted defect, one a false positive); after the second unwired-auth/tls/stub pass 65 / 2.
  // Sixth session: after the third params pass (r14i) 65 / 2 with leads (the ack dropped before `processed += 1` is now a
  // claim; `leads` stays 2 as the slack for the two info-level notes of the claims run); with the third auth/compare/secret/stub pass 67 / 2 with leads, 67 / 1 as claims.
  "corpus-fresh9": { expected: 73, found: 67, falsePositives: 2, notes: 0, leads: 2, languages: ["go", "python", "rust", "typescript"] },
  // Held out: 62 found / 1 false positive (72.9% / 98.4%) at best; after the recall passes 73 / 1 (72 / 1 as claims).
  // After the second params/swallowed recall pass 74 / 1 with leads and as claims (the refund swallow became a claim).
  // Sixth session: the third params pass unchanged (its doc-promise reading was withdrawn on the panels); with the third auth/compare/secret/stub pass 75 / 1.
  // Ninth session: 76 with the queried-column reading, then 75 with one info note: the cherrypy test that calls the
  // `require_role` check and discards nothing else asserts by not raising (validating-calls.ts), a smoke note by
  // the issue's own rule for throw-based tests, where the corpus plants it as assertion-free.
  "corpus-fresh10": { expected: 85, found: 75, falsePositives: 1, notes: 1, leads: 1, languages: ["go", "python", "rust", "typescript"] },
  // Held out: 59 found / 2 false positives (76.6% / 96.7%); after the recall passes 66 / 2; after the second
  // unwired-auth/tls/stub pass 70 / 2; after the third auth/compare/secret/stub pass 72 / 2.
  "corpus-fresh11": { expected: 77, found: 72, falsePositives: 2, notes: 0, languages: ["go", "python", "rust", "typescript"] },
  // Held out: 54 found / 2 false positives (78.3% / 96.6%) at best; development material since the fifth session
  // of 2026-12-02; after the session's two recall passes (unwired-auth/tls/stub, params/swallowed) 68 / 0.
  "corpus-fresh12": { expected: 69, found: 68, falsePositives: 0, notes: 0, leads: 0, languages: ["go", "other", "python", "rust", "typescript"] },
  // Held out: 55 found / 0 false positives (80.9% / 100%), before and after the fifth session's passes; development
  // material since the sixth session of 2026-12-02. After that session's third params pass (r14i: option tables of
  // declaring calls, option attributes, module-qualified Rust paths, a written file's Close before a success answer)
  // and third auth/compare/secret/stub pass (r14u) 67 / 0.
  "corpus-fresh13": { expected: 68, found: 67, falsePositives: 0, notes: 0, leads: 0, languages: ["go", "python", "rust", "typescript"] },
  // Held out: 57 found / 2 false positives (81.4% / 96.7%) at the sixth session's start, 58 / 2 after its first recall
  // passes (one lead is a false positive; one smoke note); development material since 08:12 UTC of that session.
  "corpus-fresh14": { expected: 70, found: 58, falsePositives: 3, notes: 1, leads: 1, languages: ["go", "python", "rust", "typescript"] },
  // Held out: 55 found / 9 then 7 false positives (72.4% / 86.2%, then 88.9%) before and after the seventh session's
  // passes; checked in at that session's end; development material from the next session on. Four leads, all on decoys.
  // Eighth session (development): TLS options named for accepting invalid certificates, a Go Mark* call handed a
  // context: 58 / 7 as claims (76.3% / 89.4%), 58 / 11 with leads.
  // Fourteenth session: raised to 62 / 11 with leads scored (62 as claims): a handler opening with a check its peers'
  // check builds on.
  // decoyLeads: a false positive reported as a lead, not a claim (issue 10's twentieth session: an error logged before
  // going on is a lead): scored with --score-leads, a note among the claims.
  "corpus-fresh16": { expected: 76, found: 62, falsePositives: 11, notes: 4, leads: 0, decoyLeads: 1, languages: ["go", "python", "rust", "typescript"] },
  // Held out through the eighth session: 56 found / 3 false positives (73.7% / 94.9%) at all four looks; checked in at
  // that session's end; development material from the next session on.
  "corpus-fresh17": { expected: 76, found: 56, falsePositives: 3, notes: 0, leads: 0, languages: ["go", "python", "rust", "typescript"] },
  // Ninth session: held out at its start and measured unseen (docs/RULES.md, "The fresh held-out corpus"), checked in
  // at its end; development material from the next session on. Figures with leads scored (claims: fresh18 54 / 8).
  // Tenth session (development): fresh18 63 / 8 as claims (65 / 10 with leads), fresh20 60 / 3: secrets in lookup
  // fallbacks, Go key bytes and DSNs, registered views ending in NotImplementedError, peers' access checks.
  "corpus-fresh18": { expected: 81, found: 65, falsePositives: 10, notes: 4, leads: 2, languages: ["go", "python", "rust", "typescript"] },
  // Tenth session (development): Rust live-prefixed hex tokens, peers' access checks (a lead: rq-fleet's purge).
  "corpus-fresh19": { expected: 81, found: 67, falsePositives: 3, notes: 0, leads: 1, languages: ["go", "python", "rust", "typescript"] },
  "corpus-fresh20": { expected: 80, found: 60, falsePositives: 3, notes: 0, leads: 0, languages: ["go", "other", "python", "rust", "typescript"] },
  // Tenth session: held out and measured unseen three times (62.5% / 94.3%, totals only), then its misses were read
  // and the session's last passes were developed on it (68.8% / 94.8% as claims); checked in at that session's end.
  // Figures with leads scored (claims: 55 / 3, three leads among the notes, one of them on a defect).
  "corpus-fresh21": { expected: 80, found: 56, falsePositives: 5, notes: 0, leads: 3, languages: ["go", "other", "python", "rust", "typescript"] },
  // Eleventh session: held out and measured unseen three times (76.3% / 96.8% as claims, totals only), then its misses
  // were read and developed on (80.0% / 97.0% as claims); checked in at that session's end. Figures with leads scored
  // (claims: 64 / 2, two leads on defects).
  // Fourteenth session: raised to 67 / 2 with leads scored (65 as claims): buffalo's route beside its admin group.
  "corpus-fresh22": { expected: 80, found: 67, falsePositives: 2, notes: 0, leads: 2, languages: ["go", "python", "rust", "typescript"] },
  // Twelfth session: held out and measured unseen twice (71.6% / 89.2% as claims, totals only), then its misses were
  // read and developed on (79.0% / 98.5% as claims); checked in at that session's end. Figures with leads scored
  // (claims: 64 / 1, one lead on a defect; the seven leads on scs's errorless Put count as false positives there).
  // Thirteenth session: the floor raised to what the session's readings reached (68 / 7 with leads scored).
  // Fourteenth session: raised to 71 / 7 with leads scored (70 / 1 as claims): a Let's Go delete on the root chain, a
  // tide route beside its nested server.
  "corpus-fresh23": { expected: 81, found: 71, falsePositives: 7, notes: 7, leads: 1, languages: ["go", "python", "rust", "typescript"] },
  // Twelfth session: held out and measured three times, totals only, misses never read (65.0% / 72.2% at the start,
  // 65.0% / 80.0% as claims at the end); checked in at that session's end. Figures with leads scored (claims: 52 / 13).
  // Thirteenth session: its misses were read and developed on (tRPC builders, server actions, rollback-only
  // handlers, reset-view compares): 61 / 20 with leads scored, 75.0% / 82.2% as claims.
  // Fourteenth session: raised to 65 / 20 with leads scored (64 / 13 as claims).
  "corpus-fresh24": { expected: 80, found: 65, falsePositives: 20, notes: 8, leads: 1, languages: ["go", "python", "rust", "typescript"] },
  // Thirteenth session: held out and measured three times, totals only (65.0% / 91.2% at the start, 66.3% / 91.4% as
  // claims after the session's readings); then its unwired-auth misses were read and one reading (a composing call's
  // middleware) developed on them: 67.5% / 91.5%. Figures with leads scored (claims: 54 / 5).
  // Fourteenth session: raised to 59 / 9 with leads scored (59 / 5 as claims): Astro's weaker check and unmounted
  // same-origin gate, Pavex's route beside its admin blueprint, Flask-AppBuilder's @has_access.
  "corpus-fresh25": { expected: 80, found: 59, falsePositives: 9, notes: 4, leads: 0, languages: ["go", "python", "rust", "typescript"] },
  // Fourteenth session: held out and measured three times, totals only (72.5% / 95.1% as claims at the start, after
  // the readings from panel 24 and after the readings from the development corpora's misses); then its misses were
  // read (a fourth look) and one reading developed on them (money owed or moved is a record): 77.5% / 95.4%.
  // Figures with leads scored (claims: 62 / 3).
  // Sixteenth session: 63 (a home directory inside a sqlite URL).
  "corpus-fresh26": { expected: 80, found: 63, falsePositives: 7, notes: 4, leads: 0, languages: ["go", "python", "rust", "typescript"] },
  // Fifteenth session: held out and measured twice, totals and by class only (62.0% / 96.2% at the start and after
  // the readings from panel 25); then its misses were read and developed on (unserved handlers, chained and
  // registry guards, guard marks, swallows around audits and ORM saves, options typed in place, dispatch predicates,
  // verb-handler tables): 81.0% / 97.0%.
  // Sixteenth session: 65 (Bolt's purge command registered without the middleware its siblings carry).
  "corpus-fresh27": { expected: 79, found: 65, falsePositives: 2, notes: 1, leads: 0, languages: ["go", "other", "python", "rust", "typescript"] },
  // Sixteenth session: held out and measured twice, totals and by class only (57.6% / 84.5% as claims at the start
  // and after the first readings from panel 26); then its misses were read and developed on (a dispatch's checked-arm
  // convention, guard keywords on registration calls, a controller's guarded writes, 501 idioms, a home directory in
  // a sqlite URL, a request struct handed on whole): 65.9% / 93.3% as claims, 57 found with leads scored.
  "corpus-fresh28": { expected: 85, found: 57, falsePositives: 4, notes: 1, leads: 1, languages: ["go", "other", "python", "rust", "typescript"] },
  // Seventeenth session: held out and measured twice, totals and by class only (73.9% / 94.3% at the start and after
  // the readings from panel 27); then its misses were read and developed on (renamed and digested credentials, an
  // arm logging its moderator, a login-only write view, a branch acting above the gate, a database under /tmp, a
  // registered task promising work, a checked stub): 83.0% / 96.1%.
  // Twenty-third session: audit.go:46 (a decoy, a plain file closed bare) is a lead now, not a claim: two decoy leads.
  "corpus-fresh29": { expected: 88, found: 73, falsePositives: 3, notes: 0, leads: 0, decoyLeads: 2, languages: ["go", "python", "rust", "typescript"] },
  // Eighteenth session: held out and measured twice, totals and by class only (61.8% / 98.2% at the start and after
  // the readings from panel 28); then its misses were read and developed on (a registrar's admin variant, a login-only
  // Graphene mutation, a framework error saying not implemented, one-time codes, lettre's TLS switch, serde's default
  // secret, handlers that only leave around a record, a filesystem write by path): 73.0% / 97.0% as claims, 67 found
  // with leads scored.
  "corpus-fresh30": { expected: 89, found: 67, falsePositives: 2, notes: 0, leads: 2, languages: ["go", "python", "rust", "typescript"] },
  // Nineteenth session: held out and measured twice (62.5% / 88.7% at the start and after the first readings from
  // panels 29 and 29r); then its misses were read and developed on (Vendure's `@Allow` as a sibling's guard, a Telegram
  // bot token, connection passwords from eight characters, query predicates that build SQL): 67.0% / 93.7%.
  "corpus-fresh31": { expected: 88, found: 59, falsePositives: 4, notes: 0, leads: 0, languages: ["go", "python", "rust", "typescript"] },
  // Twentieth session: held out and measured once (71.6% / 94.0% on the starting engine e59e39c); then its misses were
  // read and developed on (NiceGUI's should_see, a Rust MAC finished in place, a Go dispatcher arm, aiohttp's ssl=False,
  // a faust view off its siblings' guarded base): 76.1% / 98.5% as claims, 69 found with leads scored.
  "corpus-fresh32": { expected: 88, found: 69, falsePositives: 1, notes: 0, leads: 2, languages: ["go", "python", "rust", "typescript"] },
  // Twenty-first session: held out and measured once (67.0% / 84.3% on the starting engine a571ab7); then its misses
  // were read and developed on (WebTest's `status=` on a fixture app, /tmp named for what it keeps, a hostname check
  // that never refuses, a signed webhook in an OpenAPI spec, "not supported yet", a handler answering "not
  // implemented", iron's `status::NotImplemented`, capability tokens): 75.0% / 94.3% as claims, 67 found with leads
  // scored (a fifth false positive is a lead).
  "corpus-fresh33": { expected: 88, found: 67, falsePositives: 5, notes: 0, leads: 1, decoyLeads: 1, languages: ["go", "python", "rust", "typescript"] },
  // Twenty-second session: held out and measured once (64.8% / 90.5% on the starting engine d2660c3; 67.0% / 93.7%
  // re-scored with the signature span), then its misses were read and developed on (route records, callables as peers,
  // stores kept under /tmp, kube's accept_invalid_certs, handlers answering not implemented, parameters only handed back
  // to their own function, Python attribute and keyword names, a middleware method mounted through its type): 81.8% / 97.3%.
  "corpus-fresh34": { expected: 88, found: 72, falsePositives: 2, notes: 0, leads: 0, languages: ["go", "python", "rust", "typescript"] },
  // Held out (helper 215; Electron, Azure Functions v4, functions-framework, Kopf, tokio-tungstenite, tonic, CoreDNS,
  // a Terraform provider): 71.6% (63/88) / 90.0% (63/70) unseen on 3f18c28b and again after panel 33's readings; then
  // its misses were read (method-less routes by their handler's verb, a tonic service bare on a second server, TS
  // registrations by name, authenticate() as a peer check, SetBasicAuth, signing seeds, Kopf's insecure=True, env
  // fallbacks under /tmp, an emulator flag, a key id, parameter properties, a constant's whole literal): 83.0% / 98.6%
  // as claims (73 found), 76 with its three leads scored.
  "corpus-fresh35": { expected: 88, found: 76, falsePositives: 1, notes: 0, leads: 3, languages: ["go", "python", "rust", "typescript"] },
  // Held out (helper 223; Supabase Edge Functions, Bolt for JavaScript, Hug, BentoML, arrow-flight, a Unix-socket
  // daemon, NATS micro, Dapr): 67.0% (59/88) / 95.2% (59/62) unseen on 44712a25, 65.9% / 96.7% after panel 34's
  // readings; then its misses were read (guards by the siblings' convention in trait impls, handler types, wrapper
  // chains and listener arguments, Hug's `requires=`, a dispatcher arm answering not implemented, a 501 body, a bare
  // token bound to a local, pinning verifiers, a secret map, /tmp stores by function and constructor, supabase-js
  // `{ error }`, `as_of`, setup-only Go helpers, an unread recorder, nock's done()): 92.0% / 97.6% as claims, 82 found
  // with its lead scored (one more lead sits on a decoy).
  "corpus-fresh36": { expected: 88, found: 82, falsePositives: 3, notes: 0, leads: 1, decoyLeads: 1, languages: ["go", "python", "rust", "typescript"] },
  // Held out (helper 231; Backstage, n8n, Ray Serve, FastMCP, wasmtime, Envoy ext_authz, Grafana, mcp-go): 73.9% (65/88)
  // / 97.0% (64/66) unseen on 32105abe, 73.9% / 98.5% after panel 35's readings; then its misses were read (unexported
  // tool handlers, bare delegation, mounted private handlers, handlers opening with a check, /admin reads, tool and arm
  // stubs, bolt Put and audit Record, if-let-Ok loads, continueOnFail catches, skipSslCertificateValidation): 90.9% /
  // 100% as claims, 81 found with its lead scored (an admin flush two checked peers make a lead); three leads sit on decoys.
  "corpus-fresh37": { expected: 88, found: 81, falsePositives: 3, notes: 0, leads: 1, decoyLeads: 3, languages: ["go", "python", "rust", "typescript"] },
  // Held out (helper 239; Convex, Pothos + GraphQL Yoga, AWS Lambda Powertools, Rasa actions, a kube-rs operator, a
  // tower-lsp server, a Vault secrets engine, a Kong Go plugin): 70.5% (62/88) / 96.9% (62/64) unseen on 8d8a3ba5,
  // 69.3% / 96.8% after panel 36's readings; then its misses were read (Convex peers and declared args, Pothos
  // authScopes, a privileged Rust write, a route outside the router mounted at its prefix, Vault field schemas and
  // unauthenticated write paths, party-held keys and store-kept OTPs, throw-on-outcome tests, HTTP mocks, discarded
  // acts, the repository's own writes, notices, mutations): 89.8% / 98.8% as claims (a /tmp export default, 90.9% for
  // a while, was given back: fresh8 and fresh14 plant the same shape as decoys); two leads sit on decoys.
  "corpus-fresh38": { expected: 88, found: 79, falsePositives: 3, notes: 0, leads: 0, decoyLeads: 2, languages: ["go", "python", "rust", "typescript"] },
  // Held out (helper 248; Inngest on Express, PartyKit, Streamlit, Starlette on Piccolo, quinn, rust-libp2p, a Traefik
  // plugin with forward auth, Goravel): 73.9% (65/88) / 95.6% (65/68) unseen on 5338b8e9, the same after panel 37's
  // first readings; then its misses were read (a send recorded as done, Goravel's header and config reads, dropped
  // entity scopes, a read `_engine`, Starlette's `@requires` peers, a Streamlit button stub, a password-typed code, a
  // 501 route, a cast env fallback, macOS temp paths, testify suites, rustls signature checks, a declined dispatch arm):
  // 90.9% / 100% as claims.
  "corpus-fresh39": { expected: 88, found: 80, falsePositives: 0, notes: 0, leads: 0, languages: ["go", "python", "rust", "typescript"] },
  // Held out (helper 259; SolidStart, Mercurius on Fastify, Gradio on FastAPI, Errbot, Shuttle, Cloudflare Workers in
  // Rust, Redpanda Connect plugins, an HTMX app on Go 1.22's ServeMux): 75.0% (66/88) / 98.5% (66/67) unseen on
  // 98c6634e, the same after panel 38's first readings; then its misses were read (a notice told as sent, a dead
  // letter's row, allSettled and 2xx catches, a GraphQL field without its siblings' @auth, an f-string signature, Rust
  // 501s after a log or a check, a logged-only column, a dropped table, a dest-bound option, a "not available yet"
  // command, Gradio inputs, admin_only=True peers, verb modules, destructive peers, a Go test checking only its setup):
  // 94.3% / 98.8% as claims, one more as a lead (a Rust notifier's dropped outage notice).
  "corpus-fresh40": { expected: 88, found: 84, falsePositives: 1, notes: 0, leads: 1, languages: ["go", "python", "rust", "typescript"] },
  "corpus-injection2": { expected: 33, found: 32, falsePositives: 0, notes: 0, languages: null },
} as const;

describe("scrum eval on the fresh corpora", () => {
  for (const [name, want] of Object.entries(REACHED)) {
    test(`${name}: every defect found, no false positive, with the class matching`, async () => {
      const { code, r } = await evalCorpus(name);
      expect(code).toBe(0);
      expect(r.total.expected).toBe(want.expected);
      expect(r.total.found).toBeGreaterThanOrEqual(want.found);
      expect(r.total.false_positives).toBeLessThanOrEqual(want.falsePositives);
      expect(r.location_only.recall).toBeGreaterThanOrEqual(r.total.recall);
      expect(Object.keys(r.by_language).sort()).toEqual(["go", "python", "rust", "typescript"]);
      expect(Object.keys(r.by_class)).toHaveLength(9);
      expect(r.notes_not_scored).toBe(want.notes);
    });
  }

  for (const [name, want] of Object.entries(HELD_OUT)) {
    // The floors hold for what the floor detects, claims and leads (--score-leads); as claims alone, minus the
    // defects documented as leads (docs/RULES.md, "Claims and leads").
    const leads = "leads" in want ? want.leads : 0;
    const decoyLeads = "decoyLeads" in want ? want.decoyLeads : 0;
    test(`${name}: no fewer defects found and no more false positives than when it was last held out`, async () => {
      const { code, r } = await evalCorpus(name, "--score-leads");
      expect(code).toBe(0);
      expect(r.total.expected).toBe(want.expected);
      expect(r.total.found).toBeGreaterThanOrEqual(want.found);
      expect(r.total.false_positives).toBeLessThanOrEqual(want.falsePositives);
      expect(r.notes_not_scored).toBeLessThanOrEqual(want.notes);
      if (want.languages) expect(Object.keys(r.by_language).sort()).toEqual([...want.languages]);
      const claims = await evalCorpus(name);
      expect(claims.r.total.found).toBeGreaterThanOrEqual(want.found - leads);
      expect(claims.r.total.false_positives).toBeLessThanOrEqual(want.falsePositives);
      expect(claims.r.notes_not_scored).toBeLessThanOrEqual(want.notes + leads + decoyLeads);
    });
  }

  test("--score-notes counts the smoke-test notes, which the decoys make false positives", async () => {
    const { code, r } = await evalCorpus("corpus-fresh2", "--score-notes");
    expect(code).toBe(0);
    expect(r.notes_not_scored).toBe(0);
    expect(r.total.found).toBe(REACHED["corpus-fresh2"].found);
    expect(r.total.false_positives).toBe(SMOKE_NOTES_FRESH2);
    for (const f of r.false_positives) expect(f.class).toBe("assertion-free-test");
  });

  test("--score-notes or --score-leads with --mutate is a usage error", async () => {
    const io: Io = { out: () => {}, err: () => {}, cwd: ROOT, env: {}, isTTY: false };
    await expect(runCli(["eval", "--mutate", "--score-notes", "--dry-run"], io)).rejects.toThrow(/--score-notes and --score-leads apply to a corpus eval/);
    await expect(runCli(["eval", "--mutate", "--score-leads", "--dry-run"], io)).rejects.toThrow(/apply to a corpus eval/);
  });

  test("--score-leads scores the leads and not the smoke notes", async () => {
    const plain = await evalCorpus("corpus-fresh7");
    const leads = await evalCorpus("corpus-fresh7", "--score-leads");
    const notes = await evalCorpus("corpus-fresh7", "--score-notes");
    expect(leads.r.total.found).toBe(plain.r.total.found + 1);
    expect(leads.r.notes_not_scored).toBe(plain.r.notes_not_scored - 1);
    expect(notes.r.notes_not_scored).toBe(0);
  });
});
