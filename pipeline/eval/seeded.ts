// Deterministic randomness for sampling and planted values: the same --seed plants the same mutants.
import { createHash } from "node:crypto";

/** mulberry32 over a 32-bit state derived from the seed text. */
export function rng(seed: string): () => number {
  let a = createHash("sha256").update(seed).digest().readUInt32LE(0);
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher-Yates with the given generator (a copy; the input is left alone). */
export function shuffle<T>(items: readonly T[], next: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const USERS = ["alice", "deploy", "jenkins", "mkovacs", "dev", "runner"];

/**
 * The values an operator's fix may ask for, seeded per site: a 40-character token with the entropy
 * of a generated API key (what a developer pastes from a dashboard), and a plausible user name.
 */
export function seededValues(seed: string, site: string): Record<string, string> {
  const next = rng(`${seed}\0${site}`);
  let token = "";
  while (token.length < 40) token += ALNUM[Math.floor(next() * ALNUM.length)];
  // Guarantee the character classes a generated key has (upper, lower, digit).
  token = "K" + token.slice(1, 20) + "q7" + token.slice(22);
  return { SCRUM_TOKEN: token, SCRUM_USER: USERS[Math.floor(next() * USERS.length)]! };
}
