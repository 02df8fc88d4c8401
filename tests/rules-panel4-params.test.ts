// Panel-3 precision pass for ignored-parameter: records a mapper persists, and parameter lists imposed by
// a protocol (sibling classes implementing one method, a class a framework loads by dotted path, a hook of
// a tool's config module, a Go method other types of the package define again). Each shape has a case the
// floor must stay quiet on and a decoy it must still report (fresh snippets, not panel code).
import { describe, expect, test } from "bun:test";
import { foundIn, lines } from "./support/snippet-scan";

const ignored = (files: { path: string; content: string }[]) => foundIn(files, /^ignored-parameter$/);
const one = (path: string, content: string) => ignored([{ path, content }]);

describe("unread option fields: a record a mapper persists is read by the mapper", () => {
  const model = (field: string, base = "Base") => lines(
    `class Invoice(${base}):`,
    "    __tablename__ = \"invoices\"",
    "    number: Mapped[str] = mapped_column(String)",
    `    ${field}`,
    "",
    "class InvoiceSender:",
    "    def __init__(self, inv: Invoice) -> None:",
    "        self.inv = inv",
    "",
    "    def send(self) -> None:",
    "        post(self.inv.number)");
  test("SQLAlchemy Mapped columns, Column() and Django/Peewee field classes are not reported", () => {
    expect(one("billing/models.py", model("paid_at: Mapped[datetime | None] = mapped_column(DateTime)"))).toEqual([]);
    expect(one("billing/models.py", model("paid_at: datetime = Column(DateTime)").replace("number: Mapped[str] = mapped_column(String)", "number: str = Column(String)"))).toEqual([]);
    expect(one("billing/models.py", model("paid_at: datetime = models.DateTimeField(null=True)").replace("number: Mapped[str] = mapped_column(String)", "number: str = models.CharField(max_length=20)"))).toEqual([]);
    const sqlmodel = model("paid_at: datetime | None = None", "SQLModel, table=True").replace("number: Mapped[str] = mapped_column(String)", "number: str = Field(index=True)");
    expect(one("billing/models.py", sqlmodel)).toEqual([]);
  });
  test("the same options class of plain annotated fields (pydantic Field() included) is still reported", () => {
    const plain = model("paid_at: datetime | None = None", "BaseModel").replace("number: Mapped[str] = mapped_column(String)", "number: str = Field(min_length=1)");
    expect(one("billing/models.py", plain)).toEqual(["ignored-parameter@billing/models.py:4"]);
  });
  const goStruct = (tag: string) => lines(
    "package store",
    "type Account struct {",
    `\tEmail string \`${tag}:"email"\``,
    `\tPlan  string \`${tag}:"plan"\``,
    "}",
    "type Mailer struct{ to string }",
    "func NewMailer(a Account) *Mailer { return &Mailer{to: a.Email} }");
  test("Go: a struct whose fields carry a database tag (gorm, db, bson) is not reported", () => {
    expect(one("store/account.go", goStruct("db"))).toEqual([]);
    expect(one("store/account.go", goStruct("gorm"))).toEqual([]);
    expect(one("store/account.go", goStruct("bson"))).toEqual([]);
  });
  test("Go: the same struct with only yaml tags (a config file) is still reported", () => {
    expect(one("store/account.go", goStruct("yaml"))).toEqual(["ignored-parameter@store/account.go:4"]);
  });
  const rsStruct = (attrs: string) => lines(
    attrs,
    "pub struct Account {",
    "    pub email: String,",
    "    pub plan: String,",
    "}",
    "pub struct Mailer { to: String }",
    "impl Mailer {",
    "    pub fn new(a: Account) -> Self { Self { to: a.email.clone() } }",
    "}");
  test("Rust: a struct deriving a mapper (Diesel, sqlx, SeaORM) is not reported", () => {
    expect(one("src/account.rs", rsStruct("#[derive(Queryable, Debug)]"))).toEqual([]);
    expect(one("src/account.rs", rsStruct("#[derive(sqlx::FromRow)]"))).toEqual([]);
    expect(one("src/account.rs", rsStruct("#[derive(Debug)]\n#[diesel(table_name = accounts)]"))).toEqual([]);
  });
  test("Rust: the same struct deriving only value traits is still reported", () => {
    expect(one("src/account.rs", rsStruct("#[derive(Debug, Clone)]"))).toEqual(["ignored-parameter@src/account.rs:4"]);
  });
});

describe("ignored parameters: a signature another class of the file shares is a protocol", () => {
  const union = (second: string) => lines(
    "class PaymentUnion:",
    "    @classmethod",
    "    def pick_type(cls, obj, scope):",
    "        return CardType if obj.kind == \"card\" else BankType",
    "",
    "class RefundUnion:",
    "    @classmethod",
    `    ${second}`,
    "        return FullRefund if obj.full else PartialRefund");
  test("the same method name and parameters on a sibling class is not reported", () => {
    expect(one("api/unions.py", union("def pick_type(cls, obj, scope):"))).toEqual([]);
  });
  test("a lone method, or a sibling of another parameter list, is still reported", () => {
    expect(one("api/unions.py", union("def pick_kind(cls, obj, scope):"))).toEqual(["ignored-parameter@api/unions.py:3", "ignored-parameter@api/unions.py:8"]);
    expect(one("api/unions.py", union("def pick_type(cls, obj):"))).toEqual(["ignored-parameter@api/unions.py:3"]);
  });
  test("two constructors taking the same parameters are no protocol: each is called through its own class", () => {
    const clients = lines(
      "class RatesClient:",
      "    def __init__(self, base_url, timeout):",
      "        self.base_url = base_url",
      "",
      "class FeesClient:",
      "    def __init__(self, base_url, timeout):",
      "        self.base_url = base_url",
      "        self.timeout = timeout");
    expect(one("pay/clients.py", clients)).toEqual(["ignored-parameter@pay/clients.py:2"]);
  });
  test("TS: two classes implementing one method name and parameters are a protocol; a class alone is not", () => {
    const widgets = (name: string) => lines(
      "export class TextWidget { render(value: string, ctx: RenderContext) { return value; } }",
      `export class DateWidget { ${name}(value: string, ctx: RenderContext) { return fmt(value); } }`);
    expect(one("src/widgets.ts", widgets("render"))).toEqual([]);
    expect(one("src/widgets.ts", widgets("draw"))).toEqual(["ignored-parameter@src/widgets.ts:1", "ignored-parameter@src/widgets.ts:2"]);
  });
});

describe("ignored parameters: a class a framework loads by dotted path has its methods' signatures imposed", () => {
  const validator = lines(
    "class DigitsValidator:",
    "    def validate(self, password, user=None):",
    "        if not any(c.isdigit() for c in password):",
    "            raise ValidationError(\"needs a digit\")",
    "",
    "    def get_help_text(self):",
    "        return \"at least one digit\"");
  test("named by a dotted path in a settings string: not reported", () => {
    const settings = lines("VALIDATORS = [", "    {\"NAME\": \"accounts.checks.DigitsValidator\"},", "]");
    expect(ignored([{ path: "accounts/checks.py", content: validator }, { path: "site/settings.py", content: settings }])).toEqual([]);
  });
  test("named only in a message, or in a test file, the class's method is still reported", () => {
    const log = lines("def boot():", "    log.info(\"DigitsValidator loaded\")");
    expect(ignored([{ path: "accounts/checks.py", content: validator }, { path: "site/boot.py", content: log }])).toEqual(["ignored-parameter@accounts/checks.py:2"]);
    const test_ = lines("OVERRIDE = [{\"NAME\": \"accounts.checks.DigitsValidator\"}]");
    expect(ignored([{ path: "accounts/checks.py", content: validator }, { path: "tests/test_checks.py", content: test_ }])).toEqual(["ignored-parameter@accounts/checks.py:2"]);
  });
  test("a plain function beside it that ignores an option is still reported", () => {
    const helper = lines("def random_code(length, alphabet=None):", "    return \"\".join(choice(DIGITS) for _ in range(length))");
    expect(one("accounts/codes.py", helper)).toEqual(["ignored-parameter@accounts/codes.py:1"]);
  });
});

describe("ignored parameters: hooks of a tool's configuration module", () => {
  const config = lines(
    "export default {",
    "  build: {",
    "    extend(config, ctx) {",
    "      config.module.rules.push({ test: /\\.wav$/, loader: \"file-loader\" });",
    "    },",
    "  },",
    "};");
  test("a method of the exported object in *.config.js is called by the tool: not reported", () => {
    expect(one("web/site.config.js", config)).toEqual([]);
    expect(one("web/vite.config.mts", config)).toEqual([]);
  });
  test("the same object in an ordinary module, or a free helper of the config file, is still reported", () => {
    expect(one("web/build.js", config)).toEqual(["ignored-parameter@web/build.js:3"]);
    const helper = lines("function withLimit(rules, limit) { return rules; }", "export default { build: { rules: withLimit([], 3) } };");
    expect(one("web/site.config.js", helper)).toEqual(["ignored-parameter@web/site.config.js:1"]);
  });
});

describe("ignored parameters: a Go method another type of the package defines again", () => {
  // An options parameter, not a context: an unread context is exempt on its own (unused-parameter.ts).
  const fields = (other: string) => lines(
    "package core",
    "type TextField struct{ Name string }",
    "type BlobField struct{ Name string }",
    "func (f *TextField) afterSave(opts SaveOptions, rec *Record) { rec.Touch(f.Name) }",
    `func (f *BlobField) ${other}(opts SaveOptions, rec *Record) { rec.Upload(opts, f.Name) }`);
  test("the same method on a sibling type of the same file is a hook: not reported", () => {
    expect(one("core/fields.go", fields("afterSave"))).toEqual([]);
  });
  test("a method of its own name is still reported", () => {
    expect(one("core/fields.go", fields("beforeSave"))).toEqual(["ignored-parameter@core/fields.go:4"]);
  });
  test("across files of the package the sibling counts too", () => {
    const a = lines("package core", "func (f *TextField) afterSave(opts SaveOptions, rec *Record) { rec.Touch(f.Name) }");
    const b = lines("package core", "func (f *BlobField) afterSave(opts SaveOptions, rec *Record) { rec.Upload(opts, f.Name) }");
    expect(ignored([{ path: "core/text.go", content: a }, { path: "core/blob.go", content: b }])).toEqual([]);
  });
});
