// Panel-4 precision pass (swallowed-error, TypeScript and Python): each shape with a case the floor must stay
// quiet on and a decoy it must still report (fresh snippets, not panel code).
import { describe, expect, test } from "bun:test";
import { foundIn, lines } from "./support/snippet-scan";

const swallowed = (path: string, content: string) => foundIn([{ path, content }], /^swallowed-error$/);

describe("a rejection turned into a value the code tests", () => {
  test("a lookup mapped to null, then tested before use, is handled", () => {
    const loader = lines(
      "export async function loader({ params }: Args) {",
      "  const invoice = await findInvoice(params.id).catch(() => null);",
      "  // the invoice may belong to another tenant",
      "  if (!invoice) throw new Response(null, { status: 404 });",
      "  return { total: invoice.total };",
      "}");
    expect(swallowed("src/routes/invoice.ts", loader)).toEqual([]);
    const chained = lines(
      "export async function plan(res: Response) {",
      "  const body = await res.json().catch(() => undefined);",
      "  return { code: body?.code ?? 'unknown' };",
      "}");
    expect(swallowed("src/plan.ts", chained)).toEqual([]);
    const all = lines(
      "export async function page(slug: string) {",
      "  const [author, post] = await Promise.all([loadAuthor(slug), loadPost(slug).catch(() => null)]);",
      "  if (post === null) return notFound();",
      "  return render(author, post);",
      "}");
    expect(swallowed("src/page.ts", all)).toEqual([]);
    const inline = lines(
      "export async function avatarOf(id: string) {",
      "  return (await fetchAvatar(id).catch(() => null)) ?? defaultAvatar;",
      "}");
    expect(swallowed("src/avatar.ts", inline)).toEqual([]);
    const guard = lines(
      "export async function verify(raw: string) {",
      "  const claims = await decodeJwt(raw).catch(() => null);",
      "  if (!isSessionClaims(claims)) return null;",
      "  return claims.sub;",
      "}");
    expect(swallowed("src/verify.ts", guard)).toEqual([]);
  });
  test("a value used as if present, or a write whose result is dropped, is still reported", () => {
    const used = lines(
      "export async function loader({ params }: Args) {",
      "  const invoice = await findInvoice(params.id).catch(() => null);",
      "  return { total: invoice.total };",
      "}");
    expect(swallowed("src/routes/invoice.ts", used)).toEqual(["swallowed-error@src/routes/invoice.ts:2"]);
    const dropped = lines(
      "export async function close(id: string) {",
      "  await markClosed(id).catch(() => null);",
      "  return { ok: true };",
      "}");
    expect(swallowed("src/close.ts", dropped)).toEqual(["swallowed-error@src/close.ts:2"]);
    const chainedThen = lines(
      "export function warm(id: string) {",
      "  loadCache(id).catch(() => {}).then(() => ping(id));",
      "}");
    expect(swallowed("src/warm.ts", chainedThen)).toEqual(["swallowed-error@src/warm.ts:2"]);
  });
  test("a schema's catch fallback is not a promise handler; a stray promise catch still is", () => {
    const schema = lines(
      "export function pageOf(raw: unknown) {",
      "  return z.coerce.number().int().catch(() => undefined).parse(raw);",
      "}");
    expect(swallowed("src/page-param.ts", schema)).toEqual([]);
    const promise = lines(
      "export function kick(job: Job) {",
      "  runJob(job).catch(() => undefined);",
      "}");
    expect(swallowed("src/kick.ts", promise)).toEqual(["swallowed-error@src/kick.ts:2"]);
  });
});

describe("an idempotent preparation before the operation that surfaces its failure", () => {
  test("mkdir -p or removing a stale partial file, then writing there, is not reported", () => {
    const mkdir = lines(
      "export async function stash(dir: string, name: string, bytes: Uint8Array) {",
      "  await mkdir(dir, { recursive: true }).catch(() => {});",
      "  await writeFile(join(dir, name), bytes);",
      "}");
    expect(swallowed("src/stash.ts", mkdir)).toEqual([]);
    const part = lines(
      "export async function pull(url: string, dest: string) {",
      "  const partial = dest + '.partial';",
      "  try { await unlink(partial); } catch {}",
      "  await download(url, partial);",
      "  await rename(partial, dest);",
      "}");
    expect(swallowed("src/pull.ts", part)).toEqual([]);
  });
  test("a preparation nothing then writes to, or whose write is swallowed too, is reported", () => {
    const alone = lines(
      "export async function reset(dir: string, other: string) {",
      "  await rm(dir, { recursive: true }).catch(() => {});",
      "  await writeFile(other, '');",
      "}");
    expect(swallowed("src/reset.ts", alone)).toEqual(["swallowed-error@src/reset.ts:2"]);
    const both = lines(
      "export async function stash(dir: string, bytes: Uint8Array) {",
      "  await mkdir(dir, { recursive: true }).catch(() => {});",
      "  await writeFile(join(dir, 'a.bin'), bytes).catch(() => {});",
      "}");
    expect(swallowed("src/stash.ts", both)).toEqual(["swallowed-error@src/stash.ts:2", "swallowed-error@src/stash.ts:3"]);
    const notIdempotent = lines(
      "export async function stash(dir: string, bytes: Uint8Array) {",
      "  await mkdir(dir).catch(() => {});",
      "  await writeFile(join(dir, 'a.bin'), bytes);",
      "}");
    expect(swallowed("src/stash.ts", notIdempotent)).toEqual(["swallowed-error@src/stash.ts:2"]);
  });
});

describe("a parse as a probe, a fallback assigned before and tested after", () => {
  test("parsing in place, a discarded parse that decides, or a fallback on the raw value is not reported", () => {
    const inPlace = lines(
      "export function normalise(note: Note) {",
      "  try {",
      "    note.detail = JSON.parse(note.detail);",
      "  } catch (e) {}",
      "  return note;",
      "}");
    expect(swallowed("src/note.ts", inPlace)).toEqual([]);
    const decides = lines(
      "def guess_type(payload, headers):",
      "    try:",
      "        json.loads(payload)",
      "        headers['Content-Type'] = 'application/json'",
      "    except Exception:",
      "        pass",
      "    return headers");
    expect(swallowed("app/guess.py", decides)).toEqual([]);
    const raw = lines(
      "def short_reason(text):",
      "    start = text.find('{')",
      "    try:",
      "        doc = json.loads(text[start:])",
      "        reason = doc.get('detail') or ''",
      "        if reason:",
      "            return reason",
      "    except Exception:",
      "        pass",
      "    return text.splitlines()[0]");
    expect(swallowed("app/reason.py", raw)).toEqual([]);
    const fallback = lines(
      "def sniff(path):",
      "    kind = None",
      "    try:",
      "        import filetype",
      "        with open(path, 'rb') as fh:",
      "            head = fh.read(64)",
      "        kind = filetype.guess_mime(head)",
      "    except Exception:",
      "        pass",
      "    if not kind:",
      "        kind = 'application/octet-stream'",
      "    return kind");
    expect(swallowed("app/sniff.py", fallback)).toEqual([]);
  });
  test("a parse of what was just read, a lone discarded parse, or a fallback used untested is reported", () => {
    const read = lines(
      "export function loadPrefs(p: string) {",
      "  let prefs = {};",
      "  try {",
      "    prefs = JSON.parse(readFileSync(p, 'utf8'));",
      "  } catch {}",
      "  return prefs;",
      "}");
    expect(swallowed("src/prefs.ts", read)).toEqual(["swallowed-error@src/prefs.ts:5"]);
    const lone = lines("export function check(raw: string) {", "  try {", "    JSON.parse(raw);", "  } catch {}", "}");
    expect(swallowed("src/check.ts", lone)).toEqual(["swallowed-error@src/check.ts:4"]);
    const untested = lines(
      "def sniff(path):",
      "    kind = None",
      "    try:",
      "        with open(path, 'rb') as fh:",
      "            kind = magic(fh.read(64))",
      "    except Exception:",
      "        pass",
      "    return kind.split('/')[0]");
    expect(swallowed("app/sniff.py", untested)).toEqual(["swallowed-error@app/sniff.py:6"]);
  });
});

describe("cleanup inside a handler that re-raises; logging.Handler.emit", () => {
  test("removing a temp file in a handler that then raises is not reported", () => {
    const reraise = lines(
      "def publish(tmp, dest):",
      "    try:",
      "        os.replace(tmp, dest)",
      "    except OSError as exc:",
      "        if os.path.exists(tmp):",
      "            try:",
      "                os.unlink(tmp)",
      "            except Exception:",
      "                pass",
      "        if exc.errno == 28:",
      "            raise StoreFull(dest) from exc",
      "        else:",
      "            raise",
      "");
    expect(swallowed("app/publish.py", reraise)).toEqual([]);
  });
  test("the same cleanup in a handler that goes on, or one that may fall through, is reported", () => {
    const goesOn = lines(
      "def publish(tmp, dest):",
      "    try:",
      "        os.replace(tmp, dest)",
      "    except OSError as exc:",
      "        try:",
      "            os.unlink(tmp)",
      "        except Exception:",
      "            pass",
      "        return False",
      "");
    expect(swallowed("app/publish.py", goesOn)).toEqual(["swallowed-error@app/publish.py:7"]);
    const fallsThrough = lines(
      "def publish(tmp, dest):",
      "    try:",
      "        os.replace(tmp, dest)",
      "    except OSError as exc:",
      "        try:",
      "            os.unlink(tmp)",
      "        except Exception:",
      "            pass",
      "        if exc.errno == 28:",
      "            raise StoreFull(dest) from exc",
      "");
    expect(swallowed("app/publish.py", fallsThrough)).toEqual(["swallowed-error@app/publish.py:7"]);
  });
  test("a logging handler's emit must not raise; a durable write there, or another emit, is reported", () => {
    const handler = (base: string, body: string) => lines(
      `class Capture(${base}):`,
      "    def emit(self, record):",
      "        try:",
      `            ${body}`,
      "        except Exception:",
      "            pass");
    expect(swallowed("app/capture.py", handler("logging.Handler", "self.lines.append(self.format(record))"))).toEqual([]);
    expect(swallowed("app/capture.py", handler("logging.Handler", "self.db.execute('INSERT INTO logs VALUES (?)', (record.msg,))")))
      .toEqual(["swallowed-error@app/capture.py:5"]);
    expect(swallowed("app/capture.py", handler("EventBus", "self.lines.append(self.format(record))")))
      .toEqual(["swallowed-error@app/capture.py:5"]);
  });
});

describe("py-except-quiet-log: string methods and parse-only handlers", () => {
  const quiet = (content: string) => foundIn([{ path: "app/sync.py", content }], /^swallowed-error$/);
  test("removeprefix is a string method, not a removal; a handler naming only a decode error cannot hide a write", () => {
    expect(quiet(lines(
      "def tag_of(resp):",
      "    try:",
      "        tag = resp.json()['tag'].removeprefix('v')",
      "    except ValueError as e:",
      "        logger.debug('bad tag %s', e)",
      "        tag = None",
      "    return tag",
      "def latest(resp):",
      "    try:",
      "        return resp.json()['tag'].removeprefix('v')",
      "    except ValueError as e:",
      "        logger.debug('bad tag %s', e)"))).toEqual([]);
    expect(quiet(lines(
      "def keep(rows, raw):",
      "    try:",
      "        rows.append(json.loads(raw))",
      "    except json.JSONDecodeError as e:",
      "        logger.debug('bad row %s', e)"))).toEqual([]);
  });
  test("a real removal or a broad handler around a write is still reported", () => {
    expect(quiet(lines(
      "def forget(store, key):",
      "    try:",
      "        store.remove(key)",
      "    except ValueError as e:",
      "        logger.debug('forget failed %s', e)"))).toEqual(["swallowed-error@app/sync.py:4"]);
    expect(quiet(lines(
      "def keep(rows, raw):",
      "    try:",
      "        rows.append(json.loads(raw))",
      "    except Exception as e:",
      "        logger.debug('bad row %s', e)"))).toEqual(["swallowed-error@app/sync.py:4"]);
  });
});

describe("closing a handle the code then drops", () => {
  test("a close whose handle is replaced or cleared right after, or an optional close in finally, is not reported", () => {
    const restart = lines(
      "let conn: Conn | null = null;",
      "export async function reconnect(why: string) {",
      "  try {",
      "    if (conn && conn.isOpen()) {",
      "      await conn.close();",
      "    }",
      "  } catch {}",
      "  log(`reconnecting the conn (${why})`);",
      "  conn = await dial();",
      "}");
    expect(swallowed("src/conn.ts", restart)).toEqual([]);
    const own = lines(
      "export async function render(url: string) {",
      "  const tab = await pool.open(url);",
      "  try {",
      "    return await tab.snapshot();",
      "  } finally {",
      "    await tab?.close().catch(() => {});",
      "  }",
      "}");
    expect(swallowed("src/render.ts", own)).toEqual([]);
  });
  test("a close whose handle is used again, or kept, is reported", () => {
    const reused = lines(
      "let conn: Conn | null = null;",
      "export async function flushAndClose() {",
      "  try {",
      "    if (conn.isOpen()) await conn.close();",
      "  } catch {}",
      "  await conn.flushPending();",
      "  conn = null;",
      "}");
    expect(swallowed("src/conn.ts", reused)).toEqual(["swallowed-error@src/conn.ts:5"]);
    const kept = lines(
      "export async function stop(conn: Conn) {",
      "  try {",
      "    if (conn.isOpen()) await conn.close();",
      "  } catch {}",
      "  return 'stopped';",
      "}");
    expect(swallowed("src/conn.ts", kept)).toEqual(["swallowed-error@src/conn.ts:4"]);
  });
});

describe("a platform probe through a native library", () => {
  test("calling a function of a library loaded in the same expression is not reported", () => {
    expect(swallowed("app/mem.py", lines(
      "def release_memory():",
      "    try:",
      "        import ctypes",
      "        ctypes.CDLL('libc.so.6').malloc_trim(0)",
      "    except Exception:",
      "        pass"))).toEqual([]);
  });
  test("a native call beside other work, or work alone, is reported", () => {
    expect(swallowed("app/mem.py", lines(
      "def release_memory(cache):",
      "    try:",
      "        ctypes.CDLL('libc.so.6').malloc_trim(0)",
      "        cache.flush()",
      "    except Exception:",
      "        pass"))).toEqual(["swallowed-error@app/mem.py:5"]);
    expect(swallowed("app/mem.py", lines(
      "def release_memory():",
      "    try:",
      "        import ctypes",
      "    except Exception:",
      "        pass"))).toEqual(["swallowed-error@app/mem.py:4"]);
  });
});
