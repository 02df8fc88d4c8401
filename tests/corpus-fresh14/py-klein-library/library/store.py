import logging
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Iterator

log = logging.getLogger(__name__)


@dataclass
class Book:
    id: int
    title: str
    author: str
    withdrawn: bool


class LoanError(Exception):
    pass


class Store:
    def __init__(self, path: str) -> None:
        self._conn = sqlite3.connect(path, check_same_thread=False)
        self._conn.row_factory = sqlite3.Row

    def search_books(self, query: str, limit: int = 20, include_withdrawn: bool = False) -> list[Book]:
        sql = "SELECT id, title, author, withdrawn FROM books WHERE title LIKE ?"
        if not include_withdrawn:
            sql += " AND withdrawn = 0"
        sql += " ORDER BY title"
        with closing(self._conn.cursor()) as cur:
            cur.execute(sql, (f"%{query}%",))
            return [Book(r["id"], r["title"], r["author"], bool(r["withdrawn"])) for r in cur.fetchall()]

    def iter_overdue(self, today: date) -> Iterator[sqlite3.Row]:
        cur = self._conn.execute("SELECT * FROM loans WHERE due < ? AND returned_at IS NULL", (today.isoformat(),))
        yield from cur

    def checkout(self, member_id: int, book_id: int, days: int = 21) -> date:
        due = date.today() + timedelta(days=days)
        try:
            with self._conn:
                self._conn.execute(
                    "INSERT INTO loans (member_id, book_id, due) VALUES (?, ?, ?)",
                    (member_id, book_id, due.isoformat()),
                )
        except sqlite3.IntegrityError as exc:
            log.info("checkout refused member=%s book=%s: %s", member_id, book_id, exc)
            raise LoanError("book is already on loan") from exc
        self._audit(member_id, "checkout", book_id)
        return due

    def record_fine_payment(self, member_id: int, amount_cents: int, reference: str) -> None:
        with self._conn:
            self._conn.execute(
                "UPDATE members SET fines_cents = fines_cents - ? WHERE id = ?",
                (amount_cents, member_id),
            )
        self._audit(member_id, f"fine_paid:{reference}", amount_cents)

    def _audit(self, member_id: int, action: str, subject: int) -> None:
        try:
            with self._conn:
                self._conn.execute(
                    "INSERT INTO audit (member_id, action, subject) VALUES (?, ?, ?)",
                    (member_id, action, subject),
                )
        except sqlite3.Error:
            pass

    def delete_member(self, member_id: int) -> None:
        with self._conn:
            self._conn.execute("DELETE FROM loans WHERE member_id = ?", (member_id,))
            self._conn.execute("DELETE FROM members WHERE id = ?", (member_id,))

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        self._conn.close()
