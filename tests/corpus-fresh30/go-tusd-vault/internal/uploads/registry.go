package uploads

import (
	"context"
	"database/sql"
	"errors"
	"time"

	_ "modernc.org/sqlite"
)

var ErrNotFound = errors.New("upload not found")

type Record struct {
	ID        string    `json:"id"`
	Owner     string    `json:"owner"`
	Filename  string    `json:"filename"`
	MimeType  string    `json:"mime_type"`
	Size      int64     `json:"size"`
	Complete  bool      `json:"complete"`
	CreatedAt time.Time `json:"created_at"`
}

// Registry indexes uploads by owner so listing does not have to walk the store.
type Registry struct {
	db *sql.DB
}

func OpenRegistry(path string) (*Registry, error) {
	db, err := sql.Open("sqlite", path+"?_pragma=journal_mode(WAL)&_pragma=busy_timeout(5000)")
	if err != nil {
		return nil, err
	}
	if _, err := db.Exec(`CREATE TABLE IF NOT EXISTS uploads (
		id TEXT PRIMARY KEY, owner TEXT NOT NULL, filename TEXT NOT NULL, mime_type TEXT NOT NULL,
		size INTEGER NOT NULL, complete INTEGER NOT NULL DEFAULT 0, created_at TIMESTAMP NOT NULL)`); err != nil {
		return nil, err
	}
	return &Registry{db: db}, nil
}

func (r *Registry) Put(ctx context.Context, rec Record) error {
	_, err := r.db.ExecContext(ctx,
		`INSERT INTO uploads (id, owner, filename, mime_type, size, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
		rec.ID, rec.Owner, rec.Filename, rec.MimeType, rec.Size, rec.CreatedAt)
	return err
}

func (r *Registry) MarkComplete(ctx context.Context, id string, size int64) error {
	res, err := r.db.ExecContext(ctx, `UPDATE uploads SET complete = 1, size = ? WHERE id = ?`, size, id)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	return nil
}

func (r *Registry) Get(ctx context.Context, id string) (*Record, error) {
	var rec Record
	err := r.db.QueryRowContext(ctx,
		`SELECT id, owner, filename, mime_type, size, complete, created_at FROM uploads WHERE id = ?`, id).
		Scan(&rec.ID, &rec.Owner, &rec.Filename, &rec.MimeType, &rec.Size, &rec.Complete, &rec.CreatedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	return &rec, err
}

func (r *Registry) ListByOwner(ctx context.Context, owner string, limit int) ([]Record, error) {
	rows, err := r.db.QueryContext(ctx,
		`SELECT id, owner, filename, mime_type, size, complete, created_at FROM uploads
		 WHERE owner = ? ORDER BY created_at DESC LIMIT ?`, owner, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Record
	for rows.Next() {
		var rec Record
		if err := rows.Scan(&rec.ID, &rec.Owner, &rec.Filename, &rec.MimeType, &rec.Size, &rec.Complete, &rec.CreatedAt); err != nil {
			return nil, err
		}
		out = append(out, rec)
	}
	return out, rows.Err()
}

func (r *Registry) Delete(ctx context.Context, id, owner string) error {
	res, err := r.db.ExecContext(ctx, `DELETE FROM uploads WHERE id = ?`, id)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	return nil
}

func (r *Registry) Counts(ctx context.Context) (total, complete int, err error) {
	err = r.db.QueryRowContext(ctx, `SELECT COUNT(*), COALESCE(SUM(complete), 0) FROM uploads`).Scan(&total, &complete)
	return total, complete, err
}
