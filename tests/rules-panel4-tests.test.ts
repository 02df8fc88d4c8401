// Panel-3 precision pass (test shapes): a Python test that opens with its "does not raise" comment, tests
// whose only check is a construction they drop, Django validation anywhere in the test, and a comment that
// says the call raises on failure. Each with a case that becomes a note (or nothing) and a decoy that stays a
// warning (fresh snippets, not panel code).
import { describe, expect, test } from "bun:test";
import { lines, scanSnippets } from "./support/snippet-scan";

const verdict = (path: string, content: string) =>
  scanSnippets([{ path, content }], /^assertion-free-test$/).map((f) => `${f.severity}@${f.line}`);

describe("a comment opening a Python test body is read with the test", () => {
  test("a declared does-not-raise test is not reported, wherever its comment sits", () => {
    const first = lines(
      "def test_archiving_empty_shelf_is_quiet(shelf):",
      "    # Should not raise: an empty shelf has nothing to archive.",
      "    archive(shelf)");
    expect(verdict("tests/test_shelf.py", first)).toEqual([]);
  });
  test("the same test with a comment that declares nothing is still reported", () => {
    const first = lines(
      "def test_archiving_empty_shelf(shelf):",
      "    # archive the shelf",
      "    archive(shelf)");
    expect(verdict("tests/test_shelf.py", first)).toEqual(["warning@1"]);
  });
});

describe("a test that builds an instance and drops it checks only that construction does not raise", () => {
  test("a dropped class construction as the last act is a smoke note", () => {
    const py = lines(
      "def test_signup_form_accepts_matching_passwords():",
      "    forms.SignupForm(email='a@b.c', password='pw', password_again='pw')");
    expect(verdict("tests/test_forms.py", py)).toEqual(["info@1"]);
  });
  test("a dropped call of a plain function, or a constructed value read by nobody but print, stays a warning", () => {
    const call = lines(
      "def test_signup():",
      "    signup_user(email='a@b.c', password='pw')");
    expect(verdict("tests/test_forms.py", call)).toEqual(["warning@1"]);
    const printed = lines(
      "def test_signup_form():",
      "    print(forms.SignupForm(email='a@b.c'))",
      "    forms.SignupForm(email='a@b.c')");
    expect(verdict("tests/test_forms.py", printed)).toEqual(["warning@1"]);
  });
});

describe("Django model validation anywhere in a test is its check", () => {
  test("full_clean() early in the test, then saves and links: a smoke note", () => {
    const py = lines(
      "class ShelfTests(TestCase):",
      "    def test_shelf_with_bins(self):",
      "        shelf = Shelf(name='A', capacity=3)",
      "        shelf.full_clean()",
      "        shelf.save()",
      "        shelf.bins.set([Bin.objects.first()])");
    expect(verdict("shelves/tests/test_models.py", py)).toEqual(["info@2"]);
  });
  test("the same test without any validation call is reported", () => {
    const py = lines(
      "class ShelfTests(TestCase):",
      "    def test_shelf_with_bins(self):",
      "        shelf = Shelf(name='A', capacity=3)",
      "        shelf.save()",
      "        shelf.bins.set([Bin.objects.first()])");
    expect(verdict("shelves/tests/test_models.py", py)).toEqual(["warning@2"]);
  });
});

describe("a comment saying the call raises on failure makes its throw the check", () => {
  test("Python and TypeScript: a smoke note", () => {
    const py = lines(
      "def test_every_codec_roundtrips():",
      "    for name in CODECS:",
      "        # raises CodecError if the codec cannot read its own output",
      "        roundtrip(name)");
    expect(verdict("tests/test_codecs.py", py)).toEqual(["info@1"]);
    const ts = lines(
      "it('accepts every locale', () => {",
      "  for (const l of LOCALES) {",
      "    // throws when a locale table is missing a key",
      "    loadLocale(l);",
      "  }",
      "});");
    expect(verdict("src/locale.test.ts", ts)).toEqual(["info@1"]);
  });
  test("a comment that only narrates, or a declared throw whose result is printed, stays a warning", () => {
    const py = lines(
      "def test_every_codec_roundtrips():",
      "    for name in CODECS:",
      "        # run the codec",
      "        roundtrip(name)");
    expect(verdict("tests/test_codecs.py", py)).toEqual(["warning@1"]);
    const printed = lines(
      "def test_every_codec_roundtrips():",
      "    for name in CODECS:",
      "        # raises CodecError if the codec cannot read its own output",
      "        print(roundtrip(name))");
    expect(verdict("tests/test_codecs.py", printed)).toEqual(["warning@1"]);
  });
});

describe("a Rust test declared as not underflowing", () => {
  test("the comment above says what not failing means: not reported; a plain comment: reported", () => {
    const rs = (comment: string) => lines(
      "#[cfg(test)]",
      "mod tests {",
      `    // ${comment}`,
      "    #[test]",
      "    fn cursor_at_top() {",
      "        let mut c = Cursor::new(0);",
      "        c.up(1);",
      "    }",
      "}");
    expect(verdict("src/cursor.rs", rs("with no rows, moving up doesn't underflow"))).toEqual([]);
    expect(verdict("src/cursor.rs", rs("with no rows, move up"))).toEqual(["warning@5"]);
  });
});
