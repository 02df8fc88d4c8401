from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from piccolo.columns.column_types import Boolean, Text, Varchar

ID = "2024-06-03T10:15:00:000000"
VERSION = "1.17.0"
DESCRIPTION = "knowledge base articles"


async def forwards():
    manager = MigrationManager(migration_id=ID, app_name="helpdesk", description=DESCRIPTION)

    manager.add_table(class_name="Article", tablename="article", schema=None, columns=None)
    manager.add_column(
        table_class_name="Article",
        tablename="article",
        column_name="title",
        db_column_name="title",
        column_class_name="Varchar",
        column_class=Varchar,
        params={"length": 200, "default": "", "null": False, "primary_key": False, "unique": False, "index": False},
        schema=None,
    )
    manager.add_column(
        table_class_name="Article",
        tablename="article",
        column_name="body",
        db_column_name="body",
        column_class_name="Text",
        column_class=Text,
        params={"default": "", "null": False, "primary_key": False, "unique": False, "index": False},
        schema=None,
    )
    manager.add_column(
        table_class_name="Article",
        tablename="article",
        column_name="published",
        db_column_name="published",
        column_class_name="Boolean",
        column_class=Boolean,
        params={"default": False, "null": False, "primary_key": False, "unique": False, "index": True},
        schema=None,
    )
    return manager
