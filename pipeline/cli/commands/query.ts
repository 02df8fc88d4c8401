// `scrum query "SQL"`: DuckDB over the KB views (reviews, findings, trust, runs, signals, file_iters).
import { UsageError } from "../../core/errors";
import { commandContext, warnSkipped } from "../../query/command-context";
import { formatRows, type RowFormat } from "../../query/format-rows";
import { openKb, type KbFile } from "../../query/open-kb";
import { COMMON_FLAGS, type Command } from "../command";

const FORMATS: RowFormat[] = ["table", "json", "csv"];

/** The KB files behind the views a query names, for the skipped-lines warning. */
function viewsNamed(sql: string): KbFile[] {
  const has = (re: RegExp) => re.test(sql.toLowerCase());
  return [
    ...(has(/\b(reviews|findings|signals|file_iters|file_scores)\b/) ? (["reviews"] as const) : []),
    ...(has(/\btrust\b/) ? (["trust"] as const) : []),
    ...(has(/\bruns\b/) ? (["runs"] as const) : []),
    ...(has(/\baudits\b/) ? (["audits"] as const) : []),
  ];
}

export const command: Command = {
  name: "query",
  summary: "run SQL (DuckDB) over the KB views",
  usage: 'scrum query "SQL" [--format table|json|csv] [--kb DIR]',
  flags: {
    format: { type: "string", arg: "FORMAT", description: "table, json (an array of row objects) or csv", default: "table" },
    "no-cache": { type: "boolean", description: "read the JSONL directly instead of the columnar cache" },
    ...COMMON_FLAGS,
  },
  details: `Views: reviews, findings, trust, runs, signals, file_iters, file_scores, audits. Examples: docs/QUERIES.md.
  scrum query "select signal, count(*) n from signals group by 1 order by n desc"`,
  async run({ values, positionals, io }) {
    if (positionals.length !== 1 || !positionals[0]!.trim()) throw new UsageError("query takes one SQL string", 'e.g. scrum query "select count(*) from findings"');
    const format = (values.json ? "json" : String(values.format ?? "table")) as RowFormat;
    if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(", ")} (got '${format}')`);
    const { config, kbDir } = commandContext(values, io);
    const db = await openKb(kbDir, config.signals, { cache: !values["no-cache"] });
    try {
      let result;
      try {
        result = await db.con.runAndReadAll(positionals[0]!);
      } catch (e) {
        throw new UsageError(`SQL error: ${(e as Error).message.split("\n")[0]}`, "views: reviews, findings, trust, runs, signals, file_iters, audits");
      }
      await warnSkipped(db, io, viewsNamed(positionals[0]!));
      const rows = result.getRowObjectsJS().map((r) => (db.plain(r) as Record<string, unknown>));
      io.out(formatRows(result.columnNames(), rows, format));
      return 0;
    } finally {
      db.close();
    }
  },
};
