// Panel-4 precision pass (Go/Rust swallowed-error): a dropped error that the same function settles elsewhere
// (a Commit after the deferred Rollback, a sticky bufio Flush, a builder executed later), that the standard
// library's contract makes lossless (a response write, a drain, memory, the terminal), or that is logged in
// the chain, is not reported; the same call on a file, a stored record or an unchecked execution is (fresh snippets).
import { describe, expect, test } from "bun:test";
import { foundIn, lines } from "./support/snippet-scan";

const swallowed = (path: string, content: string) => foundIn([{ path, content }], /^swallowed-error$/);

describe("Go: settled by data flow or by the standard library's contract", () => {
  test("a helper handed the handler's own http.ResponseWriter writes the response: not reported", () => {
    const code = lines(
      "package api",
      "func (h *Orders) Show(w http.ResponseWriter, r *http.Request) {",
      "\to, err := h.store.Find(r.Context(), r.PathValue(\"id\"))",
      "\tif err != nil { _ = sendProblem(w, 404, \"no such order\"); return }",
      "\t_ = render.JSONBody(w, 200, o)",
      "\t_, _ = io.Copy(w, o.Receipt())",
      "}");
    expect(swallowed("api/orders.go", code)).toEqual([]);
  });
  test("the same helper handed an io.Writer parameter (a file, a pipe) or a stored record is reported", () => {
    const code = lines(
      "package api",
      "func export(out io.Writer, o Order) {",
      "\t_ = render.JSONBody(out, 200, o)",
      "}",
      "func (h *Orders) Close(w http.ResponseWriter, r *http.Request) {",
      "\t_ = h.ledger.Append(r.Context(), w, Closed{ID: r.PathValue(\"id\")})",
      "}");
    expect(swallowed("api/export.go", code)).toEqual(["swallowed-error@api/export.go:3", "swallowed-error@api/export.go:6"]);
  });
  test("draining a body into io.Discard is not reported; copying it into a file is", () => {
    const code = lines(
      "package fetch",
      "func probe(c *http.Client, u string) {",
      "\tresp, err := c.Get(u)",
      "\tif err != nil { return }",
      "\tdefer resp.Body.Close()",
      "\t_, _ = io.Copy(io.Discard, resp.Body)",
      "}",
      "func keep(resp *http.Response, p string) {",
      "\tf, _ := os.Create(p)",
      "\t_, _ = io.Copy(f, resp.Body)",
      "}");
    expect(swallowed("fetch/probe.go", code)).toEqual(["swallowed-error@fetch/probe.go:10"]);
  });
  test("a deferred Rollback before a Commit is not reported; a Rollback that is the only end of a write is", () => {
    const code = lines(
      "package store",
      "func (s *Store) Move(ctx context.Context, a, b int64) error {",
      "\ttx, err := s.db.BeginTx(ctx, nil)",
      "\tif err != nil { return err }",
      "\tdefer func() { _ = tx.Rollback() }()",
      "\tif _, err := tx.ExecContext(ctx, \"UPDATE acct SET n = n - 1 WHERE id = ?\", a); err != nil { return err }",
      "\treturn tx.Commit()",
      "}",
      "func (s *Store) Trial(ctx context.Context, a int64) {",
      "\ttx, _ := s.db.BeginTx(ctx, nil)",
      "\tdefer func() { _ = tx.Rollback() }()",
      "\t_, _ = tx.ExecContext(ctx, \"DELETE FROM acct WHERE id = ?\", a)",
      "}");
    expect(swallowed("store/move.go", code)).toEqual(["swallowed-error@store/move.go:11", "swallowed-error@store/move.go:12"]);
  });
  test("Wait of a group whose every Go body answers nil is not reported; one whose body can fail is", () => {
    const code = lines(
      "package warm",
      "func all(ctx context.Context, ids []string) {",
      "\tg, ctx := errgroup.WithContext(ctx)",
      "\tfor _, id := range ids {",
      "\t\tg.Go(func() error { if err := touch(ctx, id); err != nil { log.Print(err) }; return nil })",
      "\t}",
      "\t_ = g.Wait()",
      "}",
      "func some(ctx context.Context, ids []string) {",
      "\tvar eg errgroup.Group",
      "\teg.Go(func() error { return touch(ctx, ids[0]) })",
      "\teg.Go(func() error { return nil })",
      "\t_ = eg.Wait()",
      "}");
    expect(swallowed("warm/all.go", code)).toEqual(["swallowed-error@warm/all.go:13"]);
  });
  test("a writer-only standard function into a Buffer or Builder is not reported; a template or a file is", () => {
    const code = lines(
      "package sms",
      "func body(text string) string {",
      "\tvar out bytes.Buffer",
      "\t_ = xml.EscapeText(&out, []byte(text))",
      "\tsb := &strings.Builder{}",
      "\t_, _ = io.WriteString(sb, text)",
      "\treturn out.String() + sb.String()",
      "}",
      "func page(t *template.Template, v any) string {",
      "\tvar out bytes.Buffer",
      "\t_ = t.Execute(&out, v)",
      "\treturn out.String()",
      "}",
      "func save(p, text string) {",
      "\tf, _ := os.Create(p)",
      "\t_ = xml.EscapeText(f, []byte(text))",
      "}");
    expect(swallowed("sms/body.go", code)).toEqual(["swallowed-error@sms/body.go:11", "swallowed-error@sms/body.go:16"]);
  });
  test("bufio writes answered by the returned Flush are not reported; with the Flush unchecked they are", () => {
    const code = lines(
      "package feed",
      "func envelope(w io.Writer, n int) error {",
      "\tbw := bufio.NewWriter(w)",
      "\t_, _ = bw.WriteString(\"{\\\"n\\\":\")",
      "\tif err := body(bw, n); err != nil {",
      "\t\t_ = bw.Flush()",
      "\t\treturn err",
      "\t}",
      "\t_, _ = bw.WriteString(\"}\")",
      "\treturn bw.Flush()",
      "}",
      "func spool(p string, n int) {",
      "\tf, _ := os.Create(p)",
      "\tbw := bufio.NewWriter(f)",
      "\t_, _ = bw.WriteString(strconv.Itoa(n))",
      "\tbw.Flush()",
      "}");
    expect(swallowed("feed/envelope.go", code)).toEqual(["swallowed-error@feed/envelope.go:15", "swallowed-error@feed/envelope.go:16"]);
  });
  test("rows written to the terminal are not reported; the same rows into a created file are", () => {
    const code = lines(
      "package cmd",
      "func list(rows [][]string) {",
      "\tcw := csv.NewWriter(os.Stdout)",
      "\tfor _, r := range rows { _ = cw.Write(r) }",
      "\tcw.Flush()",
      "}",
      "func dump(p string, rows [][]string) {",
      "\tf, _ := os.Create(p)",
      "\tcw := csv.NewWriter(f)",
      "\tfor _, r := range rows { _ = cw.Write(r) }",
      "\tcw.Flush()",
      "}");
    expect(swallowed("cmd/list.go", code)).toEqual(["swallowed-error@cmd/list.go:10"]);
  });
  test("a deferred Stop in a one-shot cobra command is not reported; in a server loop, or a created file's Close, it is", () => {
    const code = lines(
      "package cmd",
      "var inspectCmd = &cobra.Command{",
      "\tUse: \"inspect\",",
      "\tRun: func(cmd *cobra.Command, args []string) { runInspect(cmd.Context(), args) },",
      "}",
      "func runInspect(ctx context.Context, args []string) {",
      "\tpool := startWorkers(ctx)",
      "\tdefer func() { _ = pool.Stop() }()",
      "\tf, _ := os.Create(args[0])",
      "\tdefer func() { _ = f.Close() }()",
      "\tfmt.Fprintln(f, pool.Report())",
      "}",
      "func serveForever(ctx context.Context) {",
      "\tpool := startWorkers(ctx)",
      "\tdefer func() { _ = pool.Stop() }()",
      "\t<-ctx.Done()",
      "}");
    expect(swallowed("cmd/inspect.go", code)).toEqual(["swallowed-error@cmd/inspect.go:10", "swallowed-error@cmd/inspect.go:15"]);
  });
  test("CloseWithError on an io.Pipe end is not reported (documented nil); on another stream it is", () => {
    const code = lines(
      "package transcode",
      "func run(cmd *exec.Cmd) io.Reader {",
      "\tpr, pw := io.Pipe()",
      "\tcmd.Stdout = pw",
      "\tgo func() { _ = pw.CloseWithError(cmd.Run()) }()",
      "\treturn pr",
      "}",
      "func abort(s *quic.SendStream, code uint64) { _ = s.CloseWithError(code) }");
    expect(swallowed("transcode/run.go", code)).toEqual(["swallowed-error@transcode/run.go:8"]);
  });
  test("Help of cobra's command prints usage: not reported; Help of another value is", () => {
    const code = lines(
      "package cmd",
      "func runRoot(cmd *cobra.Command, _ []string) { _ = cmd.Help() }",
      "func ask(d *Desk) { _ = d.Help() }");
    expect(swallowed("cmd/root.go", code)).toEqual(["swallowed-error@cmd/root.go:3"]);
  });
  test("a written connection closed right before an error struct literal is returned is not reported; before a success it is", () => {
    const code = lines(
      "package ws",
      "func pump(ctx context.Context, conn *websocket.Conn) error {",
      "\tfor {",
      "\t\tif err := conn.WriteMessage(websocket.PingMessage, nil); err != nil { return err }",
      "\t\tselect {",
      "\t\tcase <-ctx.Done():",
      "\t\t\tconn.Close()",
      "\t\t\treturn &websocket.CloseError{Code: websocket.CloseGoingAway}",
      "\t\tcase <-time.After(time.Second):",
      "\t\t}",
      "\t}",
      "}",
      "func finish(conn *websocket.Conn) error {",
      "\tif err := conn.WriteMessage(websocket.TextMessage, []byte(\"bye\")); err != nil { return err }",
      "\tconn.Close()",
      "\treturn nil",
      "}");
    expect(swallowed("ws/pump.go", code)).toEqual(["swallowed-error@ws/pump.go:15"]);
  });
});

describe("Rust: logged in the chain, a documented optional file, a builder step", () => {
  test("inspect_err/map_err handing the error to a log macro before .ok() is not reported; without a log it is", () => {
    const code = lines(
      "async fn nightly(pool: &Pool) {",
      "    purge_expired(pool)",
      "        .await",
      "        .inspect_err(|e| tracing::warn!(\"purge failed: {e}\"))",
      "        .ok();",
      "    let _ = rotate_keys(pool).await.map_err(|e| error!(%e, \"rotate\"));",
      "    refresh_counts(pool).await.map_err(AppError::from).ok();",
      "    let _ = archive(pool).await.inspect_err(|e| warn!(\"{e}\")).and_then(|n| record(pool, n));",
      "}");
    expect(swallowed("src/nightly.rs", code)).toEqual(["swallowed-error@src/nightly.rs:7", "swallowed-error@src/nightly.rs:8"]);
  });
  test("loading an optional .env is not reported; a named env file the caller asked for is", () => {
    const code = lines(
      "fn main() {",
      "    dotenvy::dotenv().ok();",
      "    let path = std::env::args().nth(1).unwrap();",
      "    dotenvy::from_filename(&path).ok();",
      "}");
    expect(swallowed("src/main.rs", code)).toEqual(["swallowed-error@src/main.rs:4"]);
  });
  test("a pipeline step executed later is not reported; a pipeline never executed, or its execution dropped, is", () => {
    const code = lines(
      "async fn requeue(conn: &mut Conn, jobs: &[Job]) -> Result<()> {",
      "    let mut batch = redis::pipe();",
      "    for j in jobs { let _ = batch.rpush(\"q\", j.id); }",
      "    let _: () = batch.query_async(conn).await?;",
      "    Ok(())",
      "}",
      "async fn forget(conn: &mut Conn, jobs: &[Job]) {",
      "    let mut batch = redis::pipe();",
      "    for j in jobs { let _ = batch.del(j.key()); }",
      "    let _ = batch.query_async::<()>(conn).await;",
      "}",
      "fn stage(store: &mut Store, j: &Job) {",
      "    let mut w = store.writer();",
      "    let _ = w.put(j.key(), j.bytes());",
      "}");
    expect(swallowed("src/requeue.rs", code)).toEqual(["swallowed-error@src/requeue.rs:10", "swallowed-error@src/requeue.rs:14"]);
  });
  test("recording the handled error right before propagating it is not reported; recording it and going on is", () => {
    const code = lines(
      "async fn apply(db: &Pool, job: &Job) -> Result<(), sqlx::Error> {",
      "    if let Err(e) = run(db, job).await {",
      "        let _ = sqlx::query(\"UPDATE jobs SET failure = $1 WHERE id = $2\")",
      "            .bind(e.to_string())",
      "            .bind(job.id)",
      "            .execute(db)",
      "            .await;",
      "        return Err(e);",
      "    }",
      "    for step in &job.steps {",
      "        if let Err(e) = step.run(db).await {",
      "            let _ = sqlx::query(\"UPDATE steps SET failure = $1\").bind(e.to_string()).execute(db).await;",
      "            continue;",
      "        }",
      "    }",
      "    Ok(())",
      "}");
    expect(swallowed("src/apply.rs", code)).toEqual(["swallowed-error@src/apply.rs:12"]);
  });
});
