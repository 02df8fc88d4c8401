from __future__ import annotations

import csv
import io

import tornado.web

from clinic import db
from clinic.handlers.base import AdminHandler, BaseHandler


class StaffListHandler(AdminHandler):
    async def get(self) -> None:
        rows = await self.pool.fetch("SELECT id, email, role, clinic_id, active FROM staff ORDER BY email")
        self.write_json({"staff": [dict(r) for r in rows]})


class PatientExportHandler(AdminHandler):
    async def get(self) -> None:
        rows = await db.export_patients(self.pool, self.current_user["clinic_id"])
        buf = io.StringIO()
        writer = csv.writer(buf)
        writer.writerow(["id", "full_name", "date_of_birth", "phone", "email"])
        for r in rows:
            writer.writerow([r["id"], r["full_name"], r["date_of_birth"], r["phone"], r["email"]])
        await db.record_audit(self.pool, self.current_user["id"], "patients.export", "patients", {"rows": len(rows)})
        self.set_header("Content-Type", "text/csv; charset=utf-8")
        self.set_header("Content-Disposition", 'attachment; filename="patients.csv"')
        self.finish(buf.getvalue())


class AuditLogHandler(BaseHandler):
    @tornado.web.authenticated
    async def get(self) -> None:
        limit = min(int(self.get_query_argument("limit", "200")), 1000)
        rows = await db.recent_audit(self.pool, limit)
        self.write_json({"events": [dict(r) for r in rows]})
