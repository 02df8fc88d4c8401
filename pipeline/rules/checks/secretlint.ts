// hardcoded-secret via secretlint's recommended preset, driven synchronously over one file's text.
import { rules as presetRules } from "@secretlint/secretlint-rule-preset-recommend";
import type { Hit, Region } from "./hit";
import { sampleOfPattern } from "./pattern-sample";

type Reported = { message: string; range: [number, number] };
interface SourceLike { content: string; filePath: string; ext: string; contentType: "text" }
type RuleHandler = { file?: (source: SourceLike) => unknown };

// Skip the comment filter (it only un-reports) and rules that read binary files asynchronously.
const SKIP = new Set(["@secretlint/secretlint-rule-filter-comments", "@secretlint/secretlint-rule-gcp"]);

function translator(messages: Record<string, { en: (p: unknown) => string }>) {
  return (key: string, props: unknown) => messages[key]?.en(props) ?? key;
}

/** Offsets → 0-based line/column (UTF-16, matching the JS string). */
export function offsetRegion(content: string, from: number, to: number): Region {
  const pos = (i: number) => {
    const before = content.slice(0, i);
    const line = before.split("\n").length - 1;
    return { line, column: i - (before.lastIndexOf("\n") + 1) };
  };
  return { start: pos(from), end: pos(to) };
}

export function secretlintHits(path: string, content: string): Hit[] {
  const found: Reported[] = [];
  const dot = path.lastIndexOf(".");
  const source: SourceLike = { content, filePath: path, ext: dot >= 0 ? path.slice(dot) : "", contentType: "text" };
  for (const rule of presetRules as unknown as { meta: { id: string }; messages: never; create: (ctx: unknown, opts: unknown) => RuleHandler }[]) {
    if (SKIP.has(rule.meta.id)) continue;
    const ctx = {
      createTranslator: translator,
      report: (r: Reported) => found.push(r),
      ignore: () => undefined,
      sharedOptions: {},
    };
    try {
      const out = rule.create(ctx, {}).file?.(source);
      if (out instanceof Promise) out.catch(() => {
        // Async rules (reading binaries) do not apply to source text; their rejection means "no finding".
      });
    } catch {
      // A preset rule that cannot run on this text reports nothing; the others still do.
    }
  }
  return found.filter((r) => !sampleOfPattern(content, r.range[0], r.range[1]) && !illustration(content, r.range[0], r.range[1])).map((r) => ({ region: offsetRegion(content, r.range[0], r.range[1]), message: r.message }));
}

/**
 * Values that show a shape rather than hold a secret:
 * - on a comment line, a token whose parts count up (`xoxp-1234-1234-1234-abc124`, a documented format);
 * - a connection string to a loopback host whose password is its user name (`pgdog:pgdog@127.0.0.1`), the
 *   credentials of a local test database;
 * - a connection string whose password is a bracketed slot (`postgres://[USERNAME]:[YOUR-PASSWORD]@[HOST]`,
 *   `<password>`, `{password}`, `${DB_PASSWORD}`): a template a user fills in;
 * - a token with a run of eight or more of one filler character, X, 0, Z, `*`, `#` or `.`
 *   (`hooks.slack.com/services/T00000000/B00000000/XXXXXXXX`): a form's placeholder or a documented shape, never a
 *   generated secret (a key block is never read so: an OpenSSH key's header holds a run of `A`);
 * - a value the text before it on its line introduces as an example (`"... DSNs e.g. postgres://convoy:convoy@host1"`).
 */
function illustration(content: string, from: number, to: number): boolean {
  const value = content.slice(from, to);
  const lineStart = content.lastIndexOf("\n", from - 1) + 1;
  // A placeholder's filler (X, x, 0, Z, *, #, .), not any run: an OpenSSH key's header holds `AAAAAAAAAAAB`.
  if (!/PRIVATE KEY|\n/.test(value) && /([Xx0Zz*#.])\1{7,}/.test(value)) return true;
  if (/\b(e\.\s?g\.|for example|for instance|such as)\s*:?\s*\S*$|\bexample:\s*\S*$/i.test(content.slice(lineStart, from))) return true;
  const onComment = /^\s*(#|\/\/|\*|\/\*|--)/.test(content.slice(lineStart, from));
  if (onComment && value.split(/[-_:.]/).some((part) => /^(0?1234\d*|abc\d*)$/i.test(part))) return true;
  const dsn = /:\/\/([^:@/\s]+):([^@/\s]+)@(localhost|127\.0\.0\.1|\[::1\]|0\.0\.0\.0)(?=[:/\s"'`]|$)/i.exec(content.slice(lineStart, content.indexOf("\n", to) >>> 0));
  if (dsn && dsn[1] === dsn[2]) return true;
  return /:\/\/[^\s@/"'`]*:(\[[^\]\s]+\]|<[^>\s]+>|\$?\{[^}\s]+\})@/.test(value);
}
