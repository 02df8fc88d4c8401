// Read the KB for the UI, re-reading only when a file's size or mtime changed (sweeps append during the night).
import { existsSync, statSync } from "node:fs";
import { kbPaths } from "../kb/paths";
import { readReviews, readTrust } from "../kb/read-kb";
import type { KbData } from "./views";

const stamp = (p: string) => (existsSync(p) ? `${statSync(p).size}:${statSync(p).mtimeMs}` : "-");

export function kbLoader(kbDir: string, warn: (m: string) => void): () => KbData {
  const paths = kbPaths(kbDir);
  let key = "";
  let data: KbData = { reviews: [], trust: { accepts: [], misses: [] } };
  const seen = new Set<string>();
  const warnOnce = (m: string) => {
    if (!seen.has(m)) warn(m);
    seen.add(m);
  };
  return () => {
    const k = `${stamp(paths.reviews)}|${stamp(paths.trust)}`;
    if (k !== key) {
      data = { reviews: readReviews(kbDir, warnOnce), trust: readTrust(kbDir, warnOnce) };
      key = k;
    }
    return data;
  };
}
