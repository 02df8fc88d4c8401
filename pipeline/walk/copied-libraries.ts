// Libraries copied into a repository outside any vendor/ directory (audiobookshelf's `server/libs/busboy/`, a
// `static/js/ace-editor/`, gopher-lua under `internal/`): a directory that carries its own licence naming another
// copyright holder and no package manifest of its own is someone else's code, reviewed upstream. A package of the
// repository's own monorepo has a manifest, and an enterprise directory's licence names the repository's holder.
import { basename, dirname } from "node:path";

export interface TextFile { path: string; content: string }

const LICENCE_FILE = /^(licen[cs]e|copying)([.-][\w.-]*)?$/i;
const MANIFEST_FILE = /^(package\.json|Cargo\.toml|pyproject\.toml|setup\.py|setup\.cfg|go\.mod|composer\.json|pom\.xml|build\.gradle(\.kts)?)$/;
/** Copyright lines that belong to a licence's own text (the GPL's "Copyright (C) 2007 Free Software Foundation"). */
const LICENCE_TEXT = /free software foundation|owner or entity|permission notice|international copyright|copyright (notice|holder|owner|law|statement|license|and license)s?\b|the above copyright|copyright \[yyyy\]|\{yyyy\}|<year>/i;

/** The holder a licence names: what follows `Copyright (c) 2014-2020` on its first line of its own. */
export function copyrightHolder(licence: string): string | null {
  for (const line of licence.split("\n")) {
    // A notice line: `Copyright (c) ..`, `Copyright 2018 ..`, `© ..`, not prose that mentions copyright.
    if (!/^[\s#*/-]*(copyright\s*(\(c\)|©|\d{4})|©)/i.test(line) || LICENCE_TEXT.test(line)) continue;
    const holder = line.replace(/^[\s#*/-]*copyright\s*/i, "").replace(/^(\(c\)|©|\(C\))\s*/i, "")
      .replace(/^(\d{4}(\s*[-–,]\s*(\d{4}|present))*[,.]?\s*)+/i, "").replace(/^by\s+/i, "").trim();
    if (/[A-Za-z]{2}/.test(holder)) return holder;
  }
  return null;
}

/** Lower-case words of three letters or more (`GrowthBook, Inc.` → growthbook, inc; `audiobookshelf` → audiobookshelf). */
const words = (text: string) => new Set(text.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase().split(/[^a-z0-9]+/).filter((w) => w.length >= 3));
/** Words every holder line may carry that say nothing about who holds it. */
const NOISE = new Set(["inc", "ltd", "llc", "gmbh", "the", "and", "contributors", "authors", "all", "rights", "reserved", "team", "project", "foundation", "corp", "corporation", "company", "org", "com", "www", "http", "https", "github", "present", "other"]);

/**
 * The directories of copied libraries among the walked paths: each holds a licence file naming a holder that shares
 * no word with the repository's name, the holder of its root licence or its README's title, and no package
 * manifest. The repository root is never one.
 */
export function copiedLibraryDirs(texts: readonly TextFile[], paths: readonly string[], repoName: string): string[] {
  const manifests = new Set(paths.filter((p) => MANIFEST_FILE.test(basename(p))).map((p) => dirname(p)));
  // Who the repository is: its name, the holder its root licence names, and its README's title.
  const rootLicences = texts.filter((t) => !t.path.includes("/") && LICENCE_FILE.test(t.path)).map((t) => copyrightHolder(t.content) ?? "");
  const titles = texts.filter((t) => !t.path.includes("/") && /^readme/i.test(t.path)).map((t) => t.content.split("\n").filter((l) => l.trim()).slice(0, 3).join(" "));
  const own = new Set([...words(repoName), ...rootLicences.flatMap((h) => [...words(h)]), ...titles.flatMap((h) => [...words(h)])].filter((w) => !NOISE.has(w)));
  const out: string[] = [];
  for (const t of texts) {
    const dir = dirname(t.path);
    if (dir === "." || !LICENCE_FILE.test(basename(t.path)) || manifests.has(dir)) continue;
    const holder = copyrightHolder(t.content);
    if (!holder) continue;
    const named = [...words(holder)].filter((w) => !NOISE.has(w));
    if (!named.length || named.some((w) => own.has(w))) continue;
    out.push(dir);
  }
  return out;
}
