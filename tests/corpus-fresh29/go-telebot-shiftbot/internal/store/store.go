// Package store keeps staff, shifts and swap requests in SQLite.
package store

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"time"

	_ "modernc.org/sqlite"
)

const schema = `
CREATE TABLE IF NOT EXISTS staff (
	telegram_id INTEGER PRIMARY KEY,
	name        TEXT NOT NULL,
	rota_id     TEXT NOT NULL UNIQUE,
	team_id     TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS invites (
	code_hash TEXT PRIMARY KEY,
	rota_id   TEXT NOT NULL,
	team_id   TEXT NOT NULL,
	used_at   TIMESTAMP
);
CREATE TABLE IF NOT EXISTS shifts (
	id        TEXT PRIMARY KEY,
	rota_id   TEXT NOT NULL,
	starts_at TIMESTAMP NOT NULL,
	ends_at   TIMESTAMP NOT NULL,
	role      TEXT NOT NULL,
	cancelled INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS swaps (
	id           INTEGER PRIMARY KEY AUTOINCREMENT,
	shift_id     TEXT NOT NULL REFERENCES shifts(id),
	requested_by INTEGER NOT NULL,
	taken_by     INTEGER,
	status       TEXT NOT NULL DEFAULT 'open',
	decided_by   INTEGER,
	created_at   TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE TABLE IF NOT EXISTS audit (
	at     TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
	actor  INTEGER NOT NULL,
	action TEXT NOT NULL,
	ref    TEXT NOT NULL
);`

var ErrNotFound = errors.New("not found")

type Staff struct {
	TelegramID int64
	Name       string
	RotaID     string
	TeamID     string
}

type Shift struct {
	ID       string
	RotaID   string
	StartsAt time.Time
	EndsAt   time.Time
	Role     string
}

type Swap struct {
	ID          int64
	ShiftID     string
	RequestedBy int64
	TakenBy     sql.NullInt64
	Status      string
}

type Store struct {
	db *sql.DB
}

func Open(path string) (*Store, error) {
	db, err := sql.Open("sqlite", path+"?_pragma=journal_mode(WAL)&_pragma=foreign_keys(1)")
	if err != nil {
		return nil, err
	}
	if _, err := db.Exec(schema); err != nil {
		db.Close()
		return nil, fmt.Errorf("applying schema: %w", err)
	}
	return &Store{db: db}, nil
}

func (s *Store) Close() error { return s.db.Close() }

func hashCode(code string) string {
	sum := sha256.Sum256([]byte(code))
	return hex.EncodeToString(sum[:])
}

// RedeemInvite links a Telegram account to a rota profile using a one-time
// invite code handed out by a manager.
func (s *Store) RedeemInvite(ctx context.Context, code string, telegramID int64, name string) (*Staff, error) {
	var storedHash, rotaID, teamID string
	err := s.db.QueryRowContext(ctx,
		`SELECT code_hash, rota_id, team_id FROM invites WHERE code_hash = ? AND used_at IS NULL`, hashCode(code),
	).Scan(&storedHash, &rotaID, &teamID)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	if subtle.ConstantTimeCompare([]byte(storedHash), []byte(hashCode(code))) != 1 {
		return nil, ErrNotFound
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `INSERT INTO staff (telegram_id, name, rota_id, team_id) VALUES (?, ?, ?, ?)`,
		telegramID, name, rotaID, teamID); err != nil {
		return nil, err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE invites SET used_at = CURRENT_TIMESTAMP WHERE code_hash = ?`, storedHash); err != nil {
		return nil, err
	}
	if err := tx.Commit(); err != nil {
		return nil, err
	}
	return &Staff{TelegramID: telegramID, Name: name, RotaID: rotaID, TeamID: teamID}, nil
}

// CreateInvite stores a new one-time invite code for a rota profile.
func (s *Store) CreateInvite(ctx context.Context, code, rotaID, teamID string) error {
	_, err := s.db.ExecContext(ctx, `INSERT INTO invites (code_hash, rota_id, team_id) VALUES (?, ?, ?)`,
		hashCode(code), rotaID, teamID)
	return err
}

func (s *Store) StaffByTelegram(ctx context.Context, id int64) (*Staff, error) {
	st := Staff{TelegramID: id}
	err := s.db.QueryRowContext(ctx, `SELECT name, rota_id, team_id FROM staff WHERE telegram_id = ?`, id).
		Scan(&st.Name, &st.RotaID, &st.TeamID)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	return &st, err
}

func (s *Store) AllStaff(ctx context.Context) ([]Staff, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT telegram_id, name, rota_id, team_id FROM staff ORDER BY name`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Staff
	for rows.Next() {
		var st Staff
		if err := rows.Scan(&st.TelegramID, &st.Name, &st.RotaID, &st.TeamID); err != nil {
			return nil, err
		}
		out = append(out, st)
	}
	return out, rows.Err()
}

// UpsertShifts replaces the stored copy of a staff member's shifts.
func (s *Store) UpsertShifts(ctx context.Context, shifts []Shift) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	for _, sh := range shifts {
		if _, err := tx.ExecContext(ctx,
			`INSERT INTO shifts (id, rota_id, starts_at, ends_at, role) VALUES (?, ?, ?, ?, ?)
			 ON CONFLICT(id) DO UPDATE SET rota_id = excluded.rota_id, starts_at = excluded.starts_at,
			   ends_at = excluded.ends_at, role = excluded.role`,
			sh.ID, sh.RotaID, sh.StartsAt, sh.EndsAt, sh.Role); err != nil {
			return err
		}
	}
	return tx.Commit()
}

func (s *Store) ShiftsBetween(ctx context.Context, rotaID string, from, to time.Time) ([]Shift, error) {
	rows, err := s.db.QueryContext(ctx,
		`SELECT id, rota_id, starts_at, ends_at, role FROM shifts
		 WHERE rota_id = ? AND cancelled = 0 AND starts_at >= ? AND starts_at < ? ORDER BY starts_at`,
		rotaID, from, to)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Shift
	for rows.Next() {
		var sh Shift
		if err := rows.Scan(&sh.ID, &sh.RotaID, &sh.StartsAt, &sh.EndsAt, &sh.Role); err != nil {
			return nil, err
		}
		out = append(out, sh)
	}
	return out, rows.Err()
}

func (s *Store) CancelShift(ctx context.Context, shiftID string, actor int64) error {
	res, err := s.db.ExecContext(ctx, `UPDATE shifts SET cancelled = 1 WHERE id = ? AND cancelled = 0`, shiftID)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	_, err = s.db.ExecContext(ctx, `INSERT INTO audit (actor, action, ref) VALUES (?, 'cancel_shift', ?)`, actor, shiftID)
	return err
}

func (s *Store) OpenSwap(ctx context.Context, shiftID string, requestedBy int64) (int64, error) {
	res, err := s.db.ExecContext(ctx, `INSERT INTO swaps (shift_id, requested_by) VALUES (?, ?)`, shiftID, requestedBy)
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

func (s *Store) Swap(ctx context.Context, id int64) (*Swap, error) {
	var sw Swap
	err := s.db.QueryRowContext(ctx, `SELECT id, shift_id, requested_by, taken_by, status FROM swaps WHERE id = ?`, id).
		Scan(&sw.ID, &sw.ShiftID, &sw.RequestedBy, &sw.TakenBy, &sw.Status)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	return &sw, err
}

// TakeSwap records a volunteer for an open swap.
func (s *Store) TakeSwap(ctx context.Context, id, takerID int64) error {
	res, err := s.db.ExecContext(ctx,
		`UPDATE swaps SET taken_by = ? WHERE id = ? AND status = 'open' AND taken_by IS NULL AND requested_by <> ?`,
		takerID, id, takerID)
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return ErrNotFound
	}
	return nil
}

// DecideSwap records a manager's decision and the matching audit row.
func (s *Store) DecideSwap(ctx context.Context, id int64, status string, manager int64) error {
	if _, err := s.db.ExecContext(ctx,
		`UPDATE swaps SET status = ?, decided_by = ? WHERE id = ? AND status = 'open'`, status, manager, id); err != nil {
		return err
	}
	_, _ = s.db.ExecContext(ctx, `INSERT INTO audit (actor, action, ref) VALUES (?, ?, ?)`,
		manager, "swap_"+status, fmt.Sprint(id))
	return nil
}
