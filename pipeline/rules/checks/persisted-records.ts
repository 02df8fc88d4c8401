// ignored-parameter, the mapper's half: a record an ORM or a database mapper persists is read field by
// field by that mapper (the INSERT it builds, the row it loads, a schema built `from_attributes`, a query
// naming the column), so a field the program's own code never reads as `.field` is no ignored option.
// Judged by how the record is declared, never by its name: a column constructor or `Mapped[...]`
// annotation in Python, a persistence tag in Go, a mapper derive or table attribute in Rust.
import type { SgNode } from "@ast-grep/napi";
import type { GrammarLanguage } from "../rule-spec";
import { pyBases } from "../syntax";
import { attributesBefore } from "./record-types";

/**
 * Python: the class-level value is built by a column constructor of an ORM: SQLAlchemy's `mapped_column`,
 * `Column`, `relationship`, `column_property`, `composite`, `deferred`, `synonym`, `association_proxy`;
 * SQLModel's `Relationship`; Django, Peewee and Tortoise field classes (`models.CharField`, `IntegerField`,
 * `fields.ForeignKeyField`, `ForeignKey`, `ManyToManyField`), whose class name ends in `Field` after a
 * type word (pydantic's bare `Field(...)` and dataclasses' `field(...)` are not column constructors).
 */
const PY_COLUMN = /^(?:[\w.]*\.)?(mapped_column|Column|relationship|Relationship|column_property|composite|deferred|synonym|association_proxy|ForeignKey|OneToOneField|ManyToManyField|[A-Z]\w*[a-z0-9]Field)\s*\(/;

/** SQLAlchemy 2.0's typed mapping: `name: Mapped[str] = ...`, `so.Mapped[...]`. */
const PY_MAPPED = /^(?:[\w.]*\.)?Mapped\s*\[/;

/** Go struct tag keys a database mapper reads (GORM, sqlx/sqlc, bun, go-pg, xorm, MongoDB, DynamoDB, Firestore, Datastore, Spanner, BigQuery). */
const GO_PERSIST_TAG = /`[^`]*\b(gorm|db|bun|pg|sql|xorm|bson|dynamodbav|firestore|datastore|spanner|bigquery)\s*:\s*"(?!-")/;

/**
 * Rust derives and attributes of a mapper that generates the code reading every field: Diesel
 * (`Queryable`, `Insertable`, `Selectable`, `AsChangeset`, `Identifiable`, `#[diesel(table_name = ..)]`),
 * sqlx (`FromRow`, `#[sqlx(..)]`), SeaORM (`DeriveEntityModel`, `#[sea_orm(table_name = ..)]`).
 */
const RS_MAPPER = /#\[derive\([^)]*\b(Queryable|QueryableByName|Insertable|Selectable|AsChangeset|Identifiable|FromRow|DeriveEntityModel|DeriveModel|DeriveActiveModel)\b|#\[(diesel|sea_orm|sqlx)\s*\(/;

/** The class's body statements that assign at class level: `x: Mapped[int] = mapped_column(...)`, `name = models.CharField(...)`. */
function pyClassAssignments(cls: SgNode): SgNode[] {
  const body = cls.field("body" as never) as SgNode | null;
  return (body?.namedChildren() ?? []).map((s) => s.kind() === "expression_statement" ? s.namedChildren()[0] : null)
    .filter((a): a is SgNode => a?.kind() === "assignment");
}

/**
 * Is the record persisted by a mapper, judged by its declaration: Python, a class-level field typed
 * `Mapped[...]` or built by a column constructor, or a SQLModel class (`class Hero(SQLModel, table=True)`);
 * Go, a field carrying a persistence tag; Rust, a mapper derive or table attribute. TS records are left
 * to the other readings (an interface declares no mapping).
 */
export function persistedRecord(node: SgNode, lang: GrammarLanguage): boolean {
  if (lang === "python") {
    if (/\btable\s*=\s*True\b/.test(pyBases(node))) return true;
    return pyClassAssignments(node).some((a) => {
      const type = (a.field("type" as never) as SgNode | null)?.text() ?? "";
      const value = (a.field("right" as never) as SgNode | null)?.text() ?? "";
      return PY_MAPPED.test(type) || PY_COLUMN.test(value);
    });
  }
  if (lang === "go") {
    const list = (node.field("type" as never) as SgNode | null)?.find({ rule: { kind: "field_declaration_list" } });
    return !!list?.namedChildren().some((d) => d.kind() === "field_declaration" && GO_PERSIST_TAG.test(d.text()));
  }
  if (lang === "rust") return RS_MAPPER.test(attributesBefore(node));
  return false;
}
