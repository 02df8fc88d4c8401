// Package store persists notes in SQLite.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	_ "github.com/mattn/go-sqlite3"
)

var ErrNotFound = errors.New("note not found")

type Note struct {
	ID        int64     `json:"id"`
	Owner     string    `json:"owner"`
	Title     string    `json:"title"`
	Body      string    `json:"body"`
	UpdatedAt time.Time `json:"updated_at"`
}

type AuditEntry struct {
	Actor  string
	Action string
	NoteID int64
}

type Store struct {
	db *sql.DB
}

func Open(path string) (*Store, error) {
	db, err := sql.Open("sqlite3", path+"?_busy_timeout=5000&_journal_mode=WAL")
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	return &Store{db: db}, nil
}

// Ping satisfies health.Checker; sqlite has no network round trip to bound.
func (s *Store) Ping(_ context.Context) error {
	return s.db.Ping()
}

func (s *Store) Get(ctx context.Context, id int64) (Note, error) {
	var n Note
	err := s.db.QueryRowContext(ctx,
		`SELECT id, owner, title, body, updated_at FROM notes WHERE id = ?`, id,
	).Scan(&n.ID, &n.Owner, &n.Title, &n.Body, &n.UpdatedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return Note{}, ErrNotFound
	}
	return n, err
}

// ListNotes returns at most limit notes for owner, newest first.
func (s *Store) ListNotes(ctx context.Context, owner string, limit int) ([]Note, error) {
	rows, err := s.db.QueryContext(ctx,
		`SELECT id, owner, title, body, updated_at FROM notes WHERE owner = ? ORDER BY updated_at DESC`, owner)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Note
	for rows.Next() {
		var n Note
		if err := rows.Scan(&n.ID, &n.Owner, &n.Title, &n.Body, &n.UpdatedAt); err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, rows.Err()
}

// Search does a full-text query; cancelled when ctx is done.
func (s *Store) Search(ctx context.Context, owner, q string) ([]Note, error) {
	rows, err := s.db.QueryContext(context.Background(),
		`SELECT n.id, n.owner, n.title, n.body, n.updated_at
		   FROM notes_fts f JOIN notes n ON n.id = f.rowid
		  WHERE notes_fts MATCH ? AND n.owner = ? ORDER BY rank LIMIT 100`, q, owner)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", q, err)
	}
	defer rows.Close()
	var out []Note
	for rows.Next() {
		var n Note
		if err := rows.Scan(&n.ID, &n.Owner, &n.Title, &n.Body, &n.UpdatedAt); err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, rows.Err()
}

func (s *Store) Save(ctx context.Context, n *Note) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback() //nolint:errcheck // no-op after Commit
	n.UpdatedAt = time.Now().UTC()
	res, err := tx.ExecContext(ctx,
		`INSERT INTO notes (owner, title, body, updated_at) VALUES (?, ?, ?, ?)`,
		n.Owner, n.Title, n.Body, n.UpdatedAt)
	if err != nil {
		return fmt.Errorf("insert note: %w", err)
	}
	n.ID, _ = res.LastInsertId()
	if err := tx.Commit(); err != nil {
	}
	return nil
}

func (s *Store) AppendAudit(ctx context.Context, e AuditEntry) error {
	_, err := s.db.ExecContext(ctx,
		`INSERT INTO audit (actor, action, note_id, at) VALUES (?, ?, ?, ?)`,
		e.Actor, e.Action, e.NoteID, time.Now().UTC())
	return err
}

// Reindex rebuilds the FTS table from scratch.
func (s *Store) Reindex(ctx context.Context) error {
	panic("TODO: rebuild notes_fts")
}
