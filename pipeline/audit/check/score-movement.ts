// Check a file score movement against the KB: the file's score in each iteration, at the precision written.
import { backed, notBacked, unverifiable, type Outcome, type ScoreClaim } from "../claim";
import type { KbFacts } from "../kb-facts";
import { sameAsWritten, showAt } from "../numbers";
import { listSome } from "../paths";

export async function checkScoreMovement(c: ScoreClaim, kb: KbFacts): Promise<Outcome> {
  const p = await kb.pair(c.iters);
  if (!p.ok) return unverifiable(p.reason);
  const iters = { from: p.from, to: p.to };
  const [a, b, files] = await Promise.all([kb.scores(p.from), kb.scores(p.to), kb.files(p.from, p.to)]);
  const r = files.resolve(c.path);
  if (r.kind === "many") return unverifiable(`${c.path} matches ${r.paths.length} files reviewed in iter ${p.from} or ${p.to} (${listSome(r.paths)}): write more of the path`, { iters });
  if (r.kind === "none") return notBacked(`no file reviewed in iter ${p.from} or ${p.to} is ${c.path}`, { iters });
  const file = r.path;
  if (!a.has(file) && !b.has(file)) return notBacked(`${c.path} names a directory: scores are per file`, { iters });
  const at = { file, iters };
  const sa = a.get(file), sb = b.get(file);
  for (const [iter, s] of [[p.from, sa], [p.to, sb]] as const) {
    if (s === undefined) return notBacked(`${file} was not reviewed in iter ${iter}`, at);
    if (s === null) return notBacked(`${file} has no score in iter ${iter} (every chunk failed)`, at);
  }
  const okA = sameAsWritten(sa!, c.before), okB = sameAsWritten(sb!, c.after);
  const shown = `${file} iter ${p.from} → ${p.to}: ${showAt(sa!, c.before)} → ${showAt(sb!, c.after)}`;
  if (okA && okB) return backed(`KB ${shown}`, at);
  const wrong = [okA ? "" : `iter ${p.from} is ${showAt(sa!, c.before)}, not ${c.before.text}`, okB ? "" : `iter ${p.to} is ${showAt(sb!, c.after)}, not ${c.after.text}`].filter(Boolean);
  return notBacked(`KB ${shown} (${wrong.join("; ")})`, at);
}
