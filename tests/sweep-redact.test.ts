import { describe, expect, test } from "bun:test";
import { entropySecrets, redactSecrets } from "../pipeline/prompt/redact";

const opts = { placeholder: "[REDACTED]", entropyMin: 3.5, minLength: 12 };

describe("redaction", () => {
  test("replaces provider tokens and high-entropy password literals, keeping line count", async () => {
    const src = [
      'const gh = "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";',
      'const password = "hX9#kL2$mQ8!vR4z";',
      "-----BEGIN RSA PRIVATE KEY-----",
      "MIIEowIBAAKCAQEA1c7+9z5Pad7OejecsQ0bu3aozN3tihPmljnnudb9G3HECdnH",
      "lWu2/a1gB9JW5TBQ+AVpum9Okx7KfqkfBKL9mcHgSL0yWMdjMfNOqNtrQqKlN4kE",
      "-----END RSA PRIVATE KEY-----",
      "const ok = 1;",
    ].join("\n");
    const r = await redactSecrets(src, "a.ts", opts);
    expect(r.count).toBe(3);
    expect(r.text).not.toContain("ghp_");
    expect(r.text).not.toContain("hX9#");
    expect(r.text).not.toContain("MIIEow");
    expect(r.text.split("\n").length).toBe(src.split("\n").length);
    expect(r.text.split("\n")[6]).toBe("const ok = 1;");
  });

  test("leaves environment reads, low-entropy values and non-secret names alone", () => {
    const src = 'const apiKey = process.env.API_KEY;\nconst token = "aaaaaaaaaaaaaaaa";\nconst title = "hX9#kL2$mQ8!vR4z";\n';
    expect(entropySecrets(src, opts)).toEqual([]);
  });

  test("finds secrets assigned with Python and Go syntax", () => {
    const py = 'API_KEY = "Zx81kQp02LmNv7Rt"\n';
    const go = 'secretKey := "Zx81kQp02LmNv7Rt"\n';
    expect(entropySecrets(py, opts)).toHaveLength(1);
    expect(entropySecrets(go, opts)).toHaveLength(1);
  });

  test("an Authorization value is judged after its scheme, and only the credential is replaced", () => {
    const src = 'const headers = { Authorization: "Bearer Zx81kQp02LmNv7RtWq" };\n';
    const ranges = entropySecrets(src, opts);
    expect(ranges).toHaveLength(1);
    expect(src.slice(ranges[0]![0], ranges[0]![1])).toBe("Zx81kQp02LmNv7RtWq");
  });
});
