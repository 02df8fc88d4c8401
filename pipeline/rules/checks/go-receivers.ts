// Go: which record a `v.Field` reads, told by how `v` is declared in the same file. A field name shared by
// several structs (`Carrier` of a filter, of a row, of a request) is read on one of them only when the
// receiver's declared type says so: `sh.Carrier` with `var sh Shipment` does not read `ListFilter.Carrier`.

/** The types the file declares `v` with (parameters, `var v T`, `v := T{..}`, `v := &T{..}`), by their last segment. */
export function goDeclaredTypes(code: string, v: string): string[] {
  const types: string[] = [];
  const patterns = [
    new RegExp(`[(,]\\s*${v}\\s+\\*?(?:\\[\\])?([\\w.]+)\\s*[,)]`, "g"),
    new RegExp(`\\bvar\\s+${v}\\s+\\*?(?:\\[\\])?([\\w.]+)`, "g"),
    new RegExp(`(?<![\\w.])${v}\\s*:?=\\s*&?([\\w.]+)\\s*\\{`, "g"),
  ];
  for (const re of patterns) for (const m of code.matchAll(re)) types.push(m[1]!.replace(/^.*\./, ""));
  return types;
}

/**
 * Does the `.field` that ends `before` possibly read a field of `record`? No only when its receiver is a
 * plain identifier every declaration of which in the file names another type; a receiver declared
 * nowhere here (a range variable, a call's result, a field of a field) may be the record, and so may any
 * receiver when the file, or another of its package (`pkg`), embeds the record in another struct (promoted fields).
 */
export function goMayReadRecord(before: string, code: string, record: string, pkg: string = code): boolean {
  const v = /(?<![\w.)\]])([A-Za-z_]\w*)\s*\.\s*$/.exec(before)?.[1];
  if (!v) return true;
  // Embedded in another struct of the reading file's package (`type Driver struct { Addition; .. }` in driver.go,
  // read as `d.StripEmoji` in util.go): its fields are promoted, read on the outer type.
  if (new RegExp(`^\\s*\\*?(?:\\w+\\.)?${record}\\s*(?:\`[^\`\\n]*\`)?\\s*(?://.*)?$`, "m").test(pkg)) return true;
  const types = goDeclaredTypes(code, v);
  return !types.length || types.includes(record);
}
