import { parseSource } from "./pipeline/rules/languages";
import { readFileSync } from "node:fs";
const p = process.argv[2]!;
const dump = (n: any, d = 0) => { const f = ""; console.log(" ".repeat(d) + n.kind() + (n.children().length ? "" : " " + JSON.stringify(n.text()))); for (const c of n.children()) dump(c, d + 1); };
dump(parseSource(p, readFileSync(p, "utf8"))!.root());
