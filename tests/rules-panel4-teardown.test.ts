// Panel-3 precision pass (teardown): swallowed-error stays quiet on release and teardown (a temporary path
// removed, a socket shut down or tuned, a unit task joined, a child killed, the terminal restored, an
// in-memory setter or buffer) and keeps reporting the same discard on a durable effect (fresh snippets).
import { describe, expect, test } from "bun:test";
import { foundIn, lines } from "./support/snippet-scan";

const swallowed = (path: string, content: string) => foundIn([{ path, content }], /^swallowed-error$/);

describe("Rust: release and teardown by what the call does and how its value was made", () => {
  test("removing a path made from the temp dir (directly or joined onto it) is not reported", () => {
    const code = lines(
      "fn finish(code: i32) {",
      "    let scratch = std::env::temp_dir().join(format!(\"job-{}\", std::process::id()));",
      "    let pipe = scratch.join(\"ctl.sock\");",
      "    let _ = std::fs::remove_file(&pipe);",
      "    std::fs::remove_dir_all(&scratch).ok();",
      "    std::process::exit(code);",
      "}");
    expect(swallowed("src/finish.rs", code)).toEqual([]);
  });
  test("removing a path the function was handed, or a stored record, is still reported", () => {
    const code = lines(
      "fn forget(store: &Path, meta: &Meta) {",
      "    let entry = store.join(\"entry.json\");",
      "    let _ = std::fs::remove_file(&entry);",
      "}",
      "async fn sign_out(meta: &Meta) { let _ = meta.drop_session().await; }");
    expect(swallowed("src/forget.rs", code)).toEqual(["swallowed-error@src/forget.rs:3", "swallowed-error@src/forget.rs:5"]);
  });
  test("socket shutdown and socket options, raw-mode restore and pty resize are not reported", () => {
    const code = lines(
      "fn detach(peer: &mut TcpStream, pty: &dyn MasterPty, rows: u16) {",
      "    let _ = peer.set_write_timeout(Some(Duration::from_millis(50)));",
      "    let _ = peer.shutdown(std::net::Shutdown::Write);",
      "    let _ = crossterm::terminal::disable_raw_mode();",
      "    let _ = pty.resize(PtySize { rows, cols: 80, pixel_width: 0, pixel_height: 0 });",
      "}");
    expect(swallowed("src/detach.rs", code)).toEqual([]);
  });
  test("a shutdown that is a domain call (no std::net::Shutdown) is still reported", () => {
    const code = lines("fn stop(ledger: &Ledger) { let _ = ledger.shutdown(Mode::Flush); }");
    expect(swallowed("src/stop.rs", code)).toEqual(["swallowed-error@src/stop.rs:1"]);
  });
  test("a static OnceLock set and a url setter on a local are not reported; a set on a store is", () => {
    const code = lines(
      "static ROOT: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();",
      "fn init(dir: PathBuf) { ROOT.set(dir).ok(); }",
      "fn socket_url(base: &Config) -> Url { let mut u = base.api(); let _ = u.set_scheme(\"wss\"); u }",
      "fn remember(cache: &Cache, dir: PathBuf) { cache.set(dir).ok(); }",
      "fn rename(acct: &mut Account) { let _ = acct.set_username(\"x\"); }");
    expect(swallowed("src/init.rs", code)).toEqual(["swallowed-error@src/init.rs:4", "swallowed-error@src/init.rs:5"]);
  });
  test("joining a thread or awaiting a task that answers nothing is not reported; one that answers a Result is", () => {
    const code = lines(
      "fn render_loop(rx: Receiver<Frame>) { for f in rx { draw(f); } }",
      "fn load_all(rx: Receiver<Job>) -> io::Result<()> { Ok(()) }",
      "fn close(rx: Receiver<Frame>, jobs: Receiver<Job>) {",
      "    let painter = std::thread::spawn(move || render_loop(rx));",
      "    let _ = painter.join();",
      "    let loader = std::thread::spawn(move || load_all(jobs));",
      "    let _ = loader.join();",
      "}",
      "async fn drain(push: tokio::task::JoinHandle<()>) { let _ = tokio::time::timeout(WAIT, push).await; }",
      "async fn settle(push: tokio::task::JoinHandle<anyhow::Result<()>>) { let _ = push.await; }");
    expect(swallowed("src/close.rs", code)).toEqual(["swallowed-error@src/close.rs:7", "swallowed-error@src/close.rs:10"]);
  });
  test("killing a spawned child is not reported; killing a job in a queue is", () => {
    const code = lines(
      "fn abort(cmd: &mut Command, queue: &Queue, id: u64) {",
      "    let mut child = cmd.spawn().expect(\"spawn\");",
      "    let _ = child.kill();",
      "    let _ = child.wait();",
      "    let _ = queue.kill(id);",
      "}");
    expect(swallowed("src/abort.rs", code)).toEqual(["swallowed-error@src/abort.rs:5"]);
  });
});

describe("Go: release and teardown", () => {
  test("removing a temp file or dir, shutting an http.Server, killing a started command are not reported", () => {
    const code = lines(
      "package run",
      "func stage(ctx context.Context) {",
      "\twork, err := os.MkdirTemp(\"\", \"stage-*\")",
      "\tif err != nil { return }",
      "\tmarker := filepath.Join(work, \"ready\")",
      "\t_ = os.Remove(marker)",
      "\t_ = os.RemoveAll(work)",
      "\tsrv := &http.Server{Addr: \"127.0.0.1:0\"}",
      "\t_ = srv.Shutdown(ctx)",
      "\tc := exec.Command(\"sleep\", \"9\")",
      "\t_ = c.Process.Kill()",
      "\t_ = c.Wait()",
      "}");
    expect(swallowed("run/stage.go", code)).toEqual([]);
  });
  test("removing a handed path, a commit and a query whose answer is read are still reported", () => {
    const code = lines(
      "package run",
      "func purge(ctx context.Context, tx *sql.Tx, p string) bool {",
      "\t_ = os.Remove(p)",
      "\t_ = tx.Commit()",
      "\tvar taken bool",
      "\t_ = tx.QueryRowContext(ctx, q).Scan(&taken)",
      "\treturn taken",
      "}");
    expect(swallowed("run/purge.go", code)).toEqual(["swallowed-error@run/purge.go:3", "swallowed-error@run/purge.go:4", "swallowed-error@run/purge.go:6"]);
  });
  test("a buffered writer over a bytes.Buffer is not reported; the same writer over a created file is", () => {
    const code = lines(
      "package out",
      "func render(rows []string, name string) string {",
      "\tvar mem bytes.Buffer",
      "\tbw := bufio.NewWriter(&mem)",
      "\tbw.WriteString(rows[0])",
      "\tbw.Flush()",
      "\tf, _ := os.Create(name)",
      "\tfw := bufio.NewWriter(f)",
      "\tfw.WriteString(rows[0])",
      "\tfw.Flush()",
      "\treturn mem.String()",
      "}");
    expect(swallowed("out/render.go", code)).toEqual(["swallowed-error@out/render.go:9", "swallowed-error@out/render.go:10"]);
  });
});

describe("TypeScript and Python: cleanup of the function's own temporary resources", () => {
  test("a no-op catch on releasing a local handle in finally, or removing a mkdtemp dir, is not reported", () => {
    const code = lines(
      "export async function importArchive(key: string) {",
      "  const lease = await Storage.checkout(key);",
      "  try {",
      "    await unpack(lease.path);",
      "  } finally {",
      "    await lease.release().catch(() => {});",
      "  }",
      "  const work = await fs.mkdtemp(path.join(os.tmpdir(), \"unpack-\"));",
      "  await fs.rm(work, { recursive: true, force: true }).catch(() => {});",
      "}");
    expect(swallowed("src/import.ts", code)).toEqual([]);
  });
  test("the same release outside finally, on a handed value, or removing a handed dir is still reported", () => {
    const code = lines(
      "export async function retire(lease: Lease, dir: string) {",
      "  try { await use(lease); } finally {",
      "    await lease.release().catch(() => {});",
      "  }",
      "  const own = await Storage.checkout(\"k\");",
      "  await own.release().catch(() => {});",
      "  await fs.rm(dir, { recursive: true }).catch(() => {});",
      "}");
    expect(swallowed("src/retire.ts", code)).toEqual([
      "swallowed-error@src/retire.ts:3", "swallowed-error@src/retire.ts:6", "swallowed-error@src/retire.ts:7"]);
  });
  test("Python: removing a mkdtemp dir under except/pass is not reported; removing a handed dir is", () => {
    const code = lines(
      "def build(src, out_dir):",
      "    work = tempfile.mkdtemp(prefix=\"build-\")",
      "    compile_into(src, work)",
      "    try:",
      "        shutil.rmtree(work)",
      "    except Exception:",
      "        pass",
      "    try:",
      "        shutil.rmtree(out_dir)",
      "    except Exception:",
      "        pass");
    expect(swallowed("pkg/build.py", code)).toEqual(["swallowed-error@pkg/build.py:10"]);
  });
});

describe("removing a stale path right before creating it anew, and joins read through fields and closures", () => {
  test("a removal whose path the next, checked statement creates is not reported; one followed by other work is", () => {
    const code = lines(
      "pub fn fresh_spool(spool: &Path) -> io::Result<()> {",
      "    let _ = std::fs::remove_dir_all(spool);",
      "    std::fs::create_dir_all(spool)",
      "}",
      "pub fn listen(at: &Path) -> io::Result<UnixListener> {",
      "    let _ = std::fs::remove_file(at);",
      "    let l = UnixListener::bind(at)?;",
      "    Ok(l)",
      "}",
      "pub fn reset(at: &Path, log: &Path) {",
      "    let _ = std::fs::remove_file(at);",
      "    std::fs::create_dir_all(log).ok();",
      "}");
    expect(swallowed("src/spool.rs", code)).toEqual(["swallowed-error@src/spool.rs:11", "swallowed-error@src/spool.rs:12"]);
  });
  test("a struct field typed JoinHandle<()> taken and joined, a spawn_blocking of a unit closure awaited are not reported", () => {
    const code = lines(
      "struct Pump { reader: Option<std::thread::JoinHandle<()>>, loader: Option<std::thread::JoinHandle<io::Result<u64>>> }",
      "impl Pump {",
      "    fn finish(&mut self) {",
      "        if let Some(r) = self.reader.take() { let _ = r.join(); }",
      "        if let Some(l) = self.loader.take() { let _ = l.join(); }",
      "    }",
      "    async fn settle(&mut self, h: std::thread::JoinHandle<()>) {",
      "        let _ = tokio::task::spawn_blocking(move || { let _ = h.join(); }).await;",
      "    }",
      "}");
    expect(swallowed("src/pump.rs", code)).toEqual(["swallowed-error@src/pump.rs:5"]);
  });
  test("a url setter on a closure's own `mut` binding is not reported", () => {
    const code = lines("fn mask(dsn: &str) -> String { Url::parse(dsn).map(|mut u| { let _ = u.set_password(None); u.to_string() }).unwrap_or_default() }");
    expect(swallowed("src/mask.rs", code)).toEqual([]);
  });
  test("Go: http.Flusher's Flush() calling the writer's own error-answering flush is not reported; other methods are", () => {
    const code = lines(
      "package mw",
      "func (cw *countingWriter) Flush() {",
      "\t_ = cw.FlushError()",
      "}",
      "func (cw *countingWriter) Finish() {",
      "\t_ = cw.FlushError()",
      "}",
      "func (cw *countingWriter) Flush() {",
      "\t_ = cw.store.Persist()",
      "}");
    expect(swallowed("mw/writer.go", code)).toEqual(["swallowed-error@mw/writer.go:6", "swallowed-error@mw/writer.go:9"]);
  });
});

describe("a probe whose assignment sits under an if", () => {
  test("Python: a guarded conversion with the value as its fallback is not reported; a guarded save is", () => {
    const code = lines(
      "def as_utc(value):",
      "    try:",
      "        if value is not None:",
      "            value = value.astimezone(timezone.utc)",
      "    except Exception:",
      "        pass",
      "    return value",
      "def keep(value, store):",
      "    try:",
      "        if value is not None:",
      "            store.save(value)",
      "    except Exception:",
      "        pass");
    expect(swallowed("pkg/conv.py", code)).toEqual(["swallowed-error@pkg/conv.py:12"]);
  });
  test("TypeScript: the same probe under an if is not reported; one that parses input is", () => {
    const code = lines(
      "export function zone(d: Date | null) {",
      "  let tz = \"UTC\";",
      "  try {",
      "    if (d) { tz = Intl.DateTimeFormat().resolvedOptions().timeZone; }",
      "  } catch {}",
      "  return tz;",
      "}",
      "export function cfg(raw: string | null) {",
      "  let c = {};",
      "  try {",
      "    if (raw) { c = JSON.parse(raw); }",
      "  } catch {}",
      "  return c;",
      "}");
    expect(swallowed("src/zone.ts", code)).toEqual(["swallowed-error@src/zone.ts:12"]);
  });
});
