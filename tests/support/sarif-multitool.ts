// The checks of the Microsoft SARIF multitool (microsoft/sarif-sdk, src/Sarif.Multitool.Library/Rules/SARIF*.cs)
// that apply to a log like ours, and GitHub code scanning's ingestion limits. Returns one line per violation.

type Obj = Record<string, any>;

const PASCAL = /^(\p{Lu}[\p{Ll}\p{Nd}]+)*$/u; // SARIF2012
const absolute = (u: string) => { try { new URL(u); return true; } catch { return false; } };
const relativeOk = (u: string) => { try { new URL(u, "file:///base/"); return !/\s/.test(u); } catch { return false; } };

export const GITHUB_LIMITS = { runs: 20, resultsPerRun: 25_000, resultsStored: 5_000, rulesPerRun: 25_000, tagsPerRule: 20, locationsPerResult: 1_000 };

export function multitool(log: Obj): string[] {
  const out: string[] = [];
  if (!("$schema" in log)) out.push("SARIF2008: no $schema");
  else if (!/2\.1\.0(\.json)?$/.test(String(log.$schema))) out.push(`SARIF1011: $schema ${log.$schema} is not the final 2.1.0 schema`);
  else if (!absolute(log.$schema)) out.push("SARIF1005: $schema is not absolute");
  if ((log.runs ?? []).length > GITHUB_LIMITS.runs) out.push(`GitHub: ${log.runs.length} runs > ${GITHUB_LIMITS.runs}`);
  for (const [r, run] of (log.runs ?? []).entries() as Iterable<[number, Obj]>) {
    const driver = run.tool?.driver ?? {};
    if (!driver.version && !driver.semanticVersion) out.push("SARIF2005: driver has no version");
    else if (driver.version && !/^\d+/.test(driver.version)) out.push("SARIF2005: driver version is not numeric");
    if (!driver.informationUri) out.push("SARIF2005: driver has no informationUri");
    if (String(driver.name ?? "").split(" ").filter(Boolean).length > 3) out.push("SARIF2005: driver name longer than three words");
    const rules: Obj[] = driver.rules ?? [];
    if (rules.length > GITHUB_LIMITS.rulesPerRun) out.push("GitHub: too many rules");
    const ids = new Set<string>();
    const names = new Set<string>();
    for (const rule of rules) {
      if (ids.has(rule.id)) out.push(`duplicate rule id ${rule.id}`);
      ids.add(rule.id);
      if (rule.name !== undefined && String(rule.name).toLowerCase() === String(rule.id).toLowerCase()) out.push(`SARIF1001: rule ${rule.id}: name equals id`);
      if (!rule.name) out.push(`SARIF2012: rule ${rule.id} has no name`);
      else if (!PASCAL.test(rule.name)) out.push(`SARIF2012: rule ${rule.id}: name ${rule.name} is not a PascalCase identifier`);
      if (rule.name && names.has(rule.name)) out.push(`rule name ${rule.name} is not distinct`);
      names.add(rule.name);
      if (!rule.helpUri) out.push(`SARIF2012: rule ${rule.id} has no helpUri`);
      else if (!absolute(rule.helpUri)) out.push(`SARIF1005: rule ${rule.id}: helpUri ${rule.helpUri} is not absolute`);
      for (const [k, m] of Object.entries((rule.messageStrings ?? {}) as Obj)) if (!String(m.text).endsWith(".")) out.push(`SARIF2001: rule ${rule.id} message ${k} does not end in a period`);
      if ((rule.properties?.tags ?? []).length > GITHUB_LIMITS.tagsPerRule) out.push(`GitHub: rule ${rule.id} has more than ${GITHUB_LIMITS.tagsPerRule} tags`);
    }
    for (const [base, loc] of Object.entries((run.originalUriBaseIds ?? {}) as Obj)) {
      const u = String(loc.uri ?? "");
      if (!loc.uriBaseId && !absolute(u)) out.push(`SARIF1004: originalUriBaseIds ${base} is not absolute`);
      if (!u.endsWith("/")) out.push(`SARIF1004: originalUriBaseIds ${base} does not end with a slash`);
      if (u.split("/").includes("..")) out.push(`SARIF1004: originalUriBaseIds ${base} has a .. segment`);
      if (absolute(u) && (new URL(u).search || new URL(u).hash)) out.push(`SARIF1004: originalUriBaseIds ${base} has a query or fragment`);
    }
    for (const v of run.versionControlProvenance ?? []) if (!absolute(v.repositoryUri)) out.push("SARIF1005: repositoryUri is not absolute");
    const results: Obj[] = run.results ?? [];
    if (results.length > GITHUB_LIMITS.resultsPerRun) out.push(`GitHub: ${results.length} results > ${GITHUB_LIMITS.resultsPerRun} (rejected)`);
    if (results.length > GITHUB_LIMITS.resultsStored) out.push(`GitHub: ${results.length} results > ${GITHUB_LIMITS.resultsStored} (truncated)`);
    const fingerprints = new Set<string>();
    for (const [i, res] of results.entries()) {
      const at = `runs[${r}].results[${i}]`;
      if (res.ruleId === undefined && res.rule?.id === undefined) out.push(`SARIF1010: ${at} has neither ruleId nor rule.id`);
      if (res.ruleId !== undefined && res.rule?.id !== undefined && res.ruleId !== res.rule.id) out.push(`SARIF1010: ${at} ruleId and rule.id differ`);
      if (rules.length && !ids.has(res.ruleId)) out.push(`SARIF2012: ${at} rule ${res.ruleId} has no metadata`);
      const fp = JSON.stringify(res.partialFingerprints ?? null);
      if (!res.partialFingerprints) out.push(`GitHub: ${at} has no partialFingerprints`);
      else if (fingerprints.has(fp)) out.push(`GitHub: ${at} repeats another result's fingerprint`);
      fingerprints.add(fp);
      if ((res.locations ?? []).length > GITHUB_LIMITS.locationsPerResult) out.push(`GitHub: ${at} has too many locations`);
      for (const loc of res.locations ?? []) {
        const pl = loc.physicalLocation ?? {};
        const uri = String(pl.artifactLocation?.uri ?? "");
        if (pl.artifactLocation?.uriBaseId && absolute(uri)) out.push(`SARIF1004: ${at} uri with uriBaseId is absolute`);
        if (!absolute(uri) && uri.startsWith("/")) out.push(`SARIF1004/SARIF2016: ${at} relative uri begins with a slash`);
        if (uri.includes("\\")) out.push(`SARIF2016: ${at} uri has a backslash`);
        if (!absolute(uri) && !relativeOk(uri)) out.push(`SARIF1002: ${at} uri ${uri} is not a valid URI reference`);
        if (absolute(uri) && uri.startsWith("file:")) out.push(`SARIF2016: ${at} absolute file uri`);
        const reg = pl.region;
        if (pl.contextRegion && !reg) out.push(`SARIF1008: ${at} contextRegion without region`);
        if (!reg) continue;
        if (reg.startLine === undefined && reg.charOffset === undefined && reg.byteOffset === undefined) out.push(`SARIF1007: ${at} region has no start`);
        if (reg.endLine !== undefined && reg.endLine < reg.startLine) out.push(`SARIF1007: ${at} endLine before startLine`);
        const oneLine = reg.endLine === undefined || reg.endLine === reg.startLine;
        if (oneLine && reg.endColumn !== undefined && reg.endColumn < (reg.startColumn ?? 1)) out.push(`SARIF1007: ${at} endColumn before startColumn`);
      }
    }
  }
  return out;
}
