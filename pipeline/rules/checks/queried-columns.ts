// A criterion dropped from the query: a parameter named for a column of the SQL its own function runs.
//
// `ListTickets(ctx, status string, assigneeID int64, limit int)` whose query selects `assignee_id` and binds only
// `status` and `limit`: the caller asked for one assignee's tickets and gets everyone's. The column named in the
// function's own SQL is the evidence that the parameter was meant as a criterion, whatever its name or type and
// whatever interface the method implements (every implementation must honour a filter it is handed).

/** `assigneeID` -> `assignee_id`, `includeDeleted` -> `include_deleted`, `status` -> `status`. */
export function snakeCase(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").replace(/([A-Z]+)([A-Z][a-z])/g, "$1_$2").toLowerCase();
}

const SQL = /\b(select\s[\s\S]*?\bfrom|update\s+[\w".]+\s+set|delete\s+from|insert\s+into)\b/i;
const STRING = /`([^`]*)`|"((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)'|"""([\s\S]*?)"""/g;

/** The string literals of `code` (template, quoted, triple-quoted). */
function literals(code: string): string[] {
  return [...code.matchAll(STRING)].map((m) => m[1] ?? m[2] ?? m[3] ?? m[4] ?? "");
}

/**
 * The SQL the body runs: its own literals that read as a statement, with the text of file-level string constants
 * the body names (`SELECT ${COLUMNS} FROM ..`, `"SELECT " + invoiceColumns + " FROM .."`) added to the statement.
 */
function sqlOf(body: string, file: string): string {
  const own = literals(body);
  // A statement may be split around a constant (`"SELECT " + cols + " FROM t"`): read the literals together.
  if (!SQL.test(own.join(" "))) return "";
  const constants: string[] = [];
  for (const m of body.matchAll(/(?<![\w$.])([A-Za-z_][\w]*)(?![\w$])/g)) {
    const name = m[1]!;
    if (constants.length > 8 || !/[A-Z_]/.test(name)) continue;
    const def = new RegExp(`(?:^|\\n)\\s*(?:export\\s+)?(?:const|let|var)?\\s*${name}\\s*(?::[^=\\n]+)?=\\s*(\`[^\`]*\`|"(?:[^"\\\\\\n]|\\\\.)*"|'(?:[^'\\\\\\n]|\\\\.)*'|"""[\\s\\S]*?""")`).exec(file);
    if (def) constants.push(def[1]!);
  }
  return [...own, ...constants].join("\n");
}

/**
 * The unread parameters (of `unread`) named for a column of the SQL statement the function's body runs, while
 * the body reads some other parameter (the query is built from the function's input, not a fixed report).
 */
export function queriedColumns(body: string, file: string, unread: readonly string[], readSome: boolean): Set<string> {
  if (!readSome || !unread.length) return new Set();
  const sql = sqlOf(body, file).toLowerCase();
  if (!sql) return new Set();
  return new Set(unread.filter((p) => {
    const col = snakeCase(p.replace(/^_+/, ""));
    return col.length > 2 && new RegExp(`(?<![\\w$])${col}(?![\\w$])`).test(sql);
  }));
}

/**
 * A store query the body builds or runs: an ORM's chain (`.Where(`, `.objects.`, `Query()`, `.findMany(`) or SQL; not an
 * array's `.filter(`/`.find(`, which every list has.
 */
const STORE_QUERY = /\.(Where|where|filter_by|Filter|Find|findMany|find_many|findAll|findOne|findFirst|Select|objects|query|Query|Scan)\s*[.(]|\bselect\s[^;]{0,400}?\bfrom\b/;

/**
 * The unread parameters (of `unread`) that name an entity by its identifier (`clinicID`, `customer_id`, `orgId`), in
 * a function whose body queries a store and reads some other parameter: the identifier is the scope the query
 * was asked for (one clinic's patients, one customer's tickets), and a query without it answers everyone's.
 */
export function droppedScopes(body: string, unread: readonly string[], readSome: boolean): Set<string> {
  if (!readSome || !unread.length || !STORE_QUERY.test(body)) return new Set();
  return new Set(unread.filter((p) => /^[a-z][A-Za-z0-9]*(ID|Id|IDs|Ids)$|^[a-z][a-z0-9]*(_[a-z0-9]+)*_ids?$/.test(p.replace(/^_+/, "")) && !/^_/.test(p)));
}
