// Heuristics for customer messages that try to take over the bot. Hits are
// logged for the trust & safety team; the message is still answered under the
// normal system prompt, so a false positive costs nothing.
export const SUSPICIOUS_PATTERNS: RegExp[] = [
  /ignore (all |any )?(previous|prior|above) instructions/i,
  /you are now (in )?(developer|dan|maintenance) mode/i,
  /<\|im_start\|>|<\|im_end\|>/,
  /^\s*(system|assistant)\s*:/im,
  /[\u202A-\u202E\u2066-\u2069]/, // bidi embedding/override/isolate controls
  /[\u{E0000}-\u{E007F}]/u, // Unicode tag characters
];

export function looksLikeInjection(text: string): boolean {
  return SUSPICIOUS_PATTERNS.some((re) => re.test(text));
}

/** Removes zero-width characters that customers paste from word processors. */
export function stripInvisible(text: string): string {
  return text.replace(/[\u200B-\u200D\u2060\uFEFF]/g, '');
}
