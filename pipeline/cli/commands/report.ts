// `scrum report`: a Markdown report and a self-contained HTML page with charts, under reports/iter-N.
import { join, relative, resolve } from "node:path";
import { commandContext, warnSkipped } from "../../query/command-context";
import { openKb } from "../../query/open-kb";
import { reportData } from "../../report/report-data";
import { renderHtml, renderMarkdown } from "../../report/render-report";
import { ensureDir, writeOutput } from "../../report/write-output";
import { COMMON_FLAGS, type Command } from "../command";

export const command: Command = {
  name: "report",
  summary: "render a Markdown and HTML report of the KB",
  usage: "scrum report [--out DIR] [--kb DIR] [--json]",
  flags: {
    out: { type: "string", arg: "DIR", description: "output directory (default: reports/iter-N for the last iteration)" },
    ...COMMON_FLAGS,
  },
  details: "Writes report.md and report.html (no external URLs: charts are inline SVG).",
  async run({ values, io }) {
    const { config, kbDir } = commandContext(values, io);
    const db = await openKb(kbDir, config.signals);
    try {
      await warnSkipped(db, io, ["reviews"]);
      const data = await reportData(db, config, relative(io.cwd, kbDir) || kbDir, new Date());
      const last = data.iters.at(-1)?.iter;
      const dir = resolve(io.cwd, (values.out as string | undefined) ?? join("reports", last === undefined ? "empty" : `iter-${last}`));
      ensureDir(dir);
      const md = join(dir, "report.md");
      const html = join(dir, "report.html");
      writeOutput(md, renderMarkdown(data));
      writeOutput(html, renderHtml(data));
      if (values.json) io.out(JSON.stringify({ markdown: md, html, iterations: data.iters.length, files: data.signals.length }) + "\n");
      else io.out(`wrote ${relative(io.cwd, md)} and ${relative(io.cwd, html)}\n`);
      return 0;
    } finally {
      db.close();
    }
  },
};
