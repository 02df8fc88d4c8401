// `scrum signals`: one trajectory signal per file, by the decision table in config `signals.order`.
import { tally } from "../../report/compare-text";
import { commandContext, intFlag, warnSkipped } from "../../query/command-context";
import { InputError, UsageError } from "../../core/errors";
import { iterations, signalsDb, signalsJsonText } from "../../query/kb-queries";
import { openKb } from "../../query/open-kb";
import { COMMON_FLAGS, type Command } from "../command";

export const command: Command = {
  name: "signals",
  summary: "classify each file's trajectory (CONVERGING, LOOPING, ...)",
  usage: "scrum signals [--iter N] [--only SIGNAL] [--kb DIR] [--json]",
  flags: {
    iter: { type: "string", arg: "N", description: "classify as of this iteration (default: all history)" },
    only: { type: "string", arg: "SIGNAL", description: "list only files with this signal" },
    ...COMMON_FLAGS,
  },
  details: "Conditions and thresholds: config `signals` (docs/ANALYTICS.md explains each and the fingerprints).",
  async run({ values, io }) {
    const { config, kbDir } = commandContext(values, io);
    const db = await openKb(kbDir, config.signals);
    try {
      await warnSkipped(db, io, ["reviews"]);
      const asOf = intFlag(values, "iter");
      const only = values.only === undefined ? undefined : String(values.only).toUpperCase();
      const known = [...new Set([...config.signals.order.map((o) => o.signal), "MIXED"])];
      if (only !== undefined && !known.includes(only)) throw new UsageError(`--only must be one of ${known.join(", ")} (got '${String(values.only)}')`);
      if (asOf !== undefined) {
        const iters = await iterations(db);
        if (!iters.includes(asOf)) throw new InputError(`iteration ${asOf} is not in the KB (have: ${iters.join(", ") || "none"})`);
      }
      if (values.json) {
        io.out((await signalsJsonText(db, { asOf, signals: config.signals, only })) + "\n");
        return 0;
      }
      const all = await signalsDb(db, { asOf, signals: config.signals });
      const list = only ? all.filter((s) => s.signal === only) : all;
      const f2 = (x: number | null) => (x === null ? "  n/a" : x.toFixed(2).padStart(5));
      const lines = list.map((s) =>
        `${s.signal.padEnd(11)} ${f2(s.score_prev)} → ${f2(s.score_last)}  crit ${s.criticals_prev ?? "-"}→${s.criticals_last ?? "-"}  J ${s.jaccard === null ? "n/a" : s.jaccard.toFixed(2)}${s.targeted ? "  targeted" : ""}  ${s.file}`);
      io.out(`${lines.join("\n")}${lines.length ? "\n" : ""}signals ${tally(all, config.signals.order.map((o) => o.signal)) || "none (empty KB)"}\n`);
      return 0;
    } finally {
      db.close();
    }
  },
};
