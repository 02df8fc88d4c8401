// Strips chat-template tokens and invisible characters from text we send to the
// in-app assistant. Escapes are used deliberately so this file contains no hidden chars.
const SPECIAL_TOKENS = ["<|im_start|>", "<|im_end|>", "<|endoftext|>"];
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u202A-\u202E\u2066-\u2069]/g;

export function sanitizePrompt(input: string): string {
  let out = input.normalize("NFKC").replace(INVISIBLE, "");
  for (const tok of SPECIAL_TOKENS) out = out.split(tok).join("");
  return out.slice(0, 2000);
}
