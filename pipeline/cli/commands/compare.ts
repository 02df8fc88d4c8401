// `scrum compare`: two iterations side by side (default: the last two), via DuckDB over the KB.
import { compareText, tally } from "../../report/compare-text";
import { commandContext, intFlag, warnSkipped } from "../../query/command-context";
import { compareDb, signalCounts } from "../../query/kb-queries";
import { openKb } from "../../query/open-kb";
import { COMMON_FLAGS, type Command } from "../command";

export const command: Command = {
  name: "compare",
  summary: "compare two iterations: scores, movement, acceptance, tiers",
  usage: "scrum compare [--from N] [--to M] [--kb DIR] [--json]",
  flags: {
    from: { type: "string", arg: "N", description: "the earlier iteration (default: the one before --to)" },
    to: { type: "string", arg: "M", description: "the later iteration (default: the last one)" },
    ...COMMON_FLAGS,
  },
  details: "Movement counts files scored in both iterations; any change in score counts.\nA different prompt hash between the two iterations is reported as \"bar raised\".",
  async run({ values, io }) {
    const { config, kbDir } = commandContext(values, io);
    const db = await openKb(kbDir, config.signals);
    try {
      await warnSkipped(db, io, ["reviews"]);
      const r = await compareDb(db, { from: intFlag(values, "from"), to: intFlag(values, "to") });
      if (values.json) {
        io.out(JSON.stringify(r) + "\n");
        return 0;
      }
      const signals = await signalCounts(db, { asOf: r.to, signals: config.signals });
      io.out(compareText(r, tally(signals, config.signals.order.map((o) => o.signal))));
      return 0;
    } finally {
      db.close();
    }
  },
};
