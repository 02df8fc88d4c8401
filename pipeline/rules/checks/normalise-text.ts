// Words as a model reads them: zero-width characters and soft hyphens dropped ("ig\u200Bnore" is "ignore" to
// a tokenizer), fullwidth and mathematical letters folded to ASCII ("ｉｇｎｏｒｅ", "𝐢𝐠𝐧𝐨𝐫𝐞"). Each character
// of the result keeps the offset it came from, so a hit found in the folded text points at the original.

const FOLDABLE = /[\u200B-\u200D\u2060\u00AD\uFEFF\uFF0F\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]|[\u{1D400}-\u{1D7FF}]/u;
const DROPPED = /^[\u200B-\u200D\u2060\u00AD\uFEFF]$/;

export interface Normalised {
  text: string;
  /** Offset in the original of each character of `text`, and of its end (length + 1 entries). */
  at: number[];
}

/** The folded text and its offset map, or null when there is nothing to fold (the common case: no copy). */
export function normalise(raw: string): Normalised | null {
  if (!FOLDABLE.test(raw)) return null;
  let text = "";
  const at: number[] = [];
  for (let i = 0; i < raw.length; ) {
    const cp = raw.codePointAt(i)!;
    const len = cp > 0xffff ? 2 : 1;
    const ch = raw.slice(i, i + len);
    let folded = ch;
    if (DROPPED.test(ch)) folded = "";
    else if (cp === 0xff0f || (cp >= 0xff10 && cp <= 0xff5a)) folded = String.fromCharCode(cp - 0xfee0);
    else if (cp >= 0x1d400 && cp <= 0x1d7ff) folded = ch.normalize("NFKC");
    for (let k = 0; k < folded.length; k++) {
      text += folded[k];
      at.push(i);
    }
    i += len;
  }
  at.push(raw.length);
  return { text, at };
}
