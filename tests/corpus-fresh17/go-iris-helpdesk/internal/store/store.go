package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"
)

var ErrNotFound = errors.New("not found")

type Ticket struct {
	ID         int64     `json:"id"`
	Subject    string    `json:"subject"`
	Body       string    `json:"body"`
	Status     string    `json:"status"`
	Requester  string    `json:"requester"`
	AssigneeID *int64    `json:"assignee_id,omitempty"`
	CreatedAt  time.Time `json:"created_at"`
}

type User struct {
	ID           int64  `json:"id"`
	Email        string `json:"email"`
	Role         string `json:"role"`
	PasswordHash []byte `json:"-"`
}

type Audit struct {
	ActorID int64
	Action  string
	Target  string
}

type Store struct {
	db  *sql.DB
	log *slog.Logger
}

func Open(ctx context.Context, url string, log *slog.Logger) (*Store, error) {
	db, err := sql.Open("pgx", url)
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(20)
	db.SetConnMaxIdleTime(5 * time.Minute)
	if err := db.PingContext(ctx); err != nil {
		return nil, fmt.Errorf("store: ping: %w", err)
	}
	return &Store{db: db, log: log}, nil
}

func (s *Store) ListTickets(ctx context.Context, status string, assigneeID int64, limit int) ([]Ticket, error) {
	rows, err := s.db.QueryContext(ctx,
		`SELECT id, subject, body, status, requester, assignee_id, created_at
		   FROM tickets WHERE status = $1 ORDER BY created_at DESC LIMIT $2`, status, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Ticket
	for rows.Next() {
		var t Ticket
		if err := rows.Scan(&t.ID, &t.Subject, &t.Body, &t.Status, &t.Requester, &t.AssigneeID, &t.CreatedAt); err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

func (s *Store) GetTicket(ctx context.Context, id int64) (Ticket, error) {
	var t Ticket
	err := s.db.QueryRowContext(ctx,
		`SELECT id, subject, body, status, requester, assignee_id, created_at FROM tickets WHERE id = $1`, id).
		Scan(&t.ID, &t.Subject, &t.Body, &t.Status, &t.Requester, &t.AssigneeID, &t.CreatedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return Ticket{}, ErrNotFound
	}
	return t, err
}

func (s *Store) CreateTicket(ctx context.Context, t Ticket) (Ticket, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return Ticket{}, err
	}
	defer func() {
		if err := tx.Rollback(); err != nil && !errors.Is(err, sql.ErrTxDone) {
			s.log.Error("rollback failed", "err", err)
		}
	}()
	err = tx.QueryRowContext(ctx,
		`INSERT INTO tickets (subject, body, status, requester) VALUES ($1, $2, 'open', $3) RETURNING id, status, created_at`,
		t.Subject, t.Body, t.Requester).Scan(&t.ID, &t.Status, &t.CreatedAt)
	if err != nil {
		return Ticket{}, err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO ticket_events (ticket_id, kind) VALUES ($1, 'created')`, t.ID); err != nil {
		return Ticket{}, err
	}
	return t, tx.Commit()
}

func (s *Store) AddAttachment(ctx context.Context, ticketID int64, name, path string) error {
	_, err := s.db.ExecContext(ctx, `INSERT INTO attachments (ticket_id, name, path) VALUES ($1, $2, $3)`, ticketID, name, path)
	return err
}

func (s *Store) FindUserByEmail(ctx context.Context, email string) (User, error) {
	var u User
	err := s.db.QueryRowContext(ctx, `SELECT id, email, role, password_hash FROM users WHERE email = $1`, email).
		Scan(&u.ID, &u.Email, &u.Role, &u.PasswordHash)
	if errors.Is(err, sql.ErrNoRows) {
		return User{}, ErrNotFound
	}
	return u, err
}

func (s *Store) ListUsers(ctx context.Context) ([]User, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, email, role FROM users ORDER BY email`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []User
	for rows.Next() {
		var u User
		if err := rows.Scan(&u.ID, &u.Email, &u.Role); err != nil {
			return nil, err
		}
		out = append(out, u)
	}
	return out, rows.Err()
}

func (s *Store) DeleteUser(ctx context.Context, id int64) error {
	res, err := s.db.ExecContext(ctx, `DELETE FROM users WHERE id = $1`, id)
	if err != nil {
		return err
	}
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n == 0 {
		return ErrNotFound
	}
	return nil
}

func (s *Store) AppendAudit(ctx context.Context, a Audit) error {
	_, err := s.db.ExecContext(ctx, `INSERT INTO audit_log (actor_id, action, target) VALUES ($1, $2, $3)`, a.ActorID, a.Action, a.Target)
	return err
}

// Close satisfies the shutdown hook interface; the context is unused because sql.DB.Close does not block on it.
func (s *Store) Close(_ context.Context) error {
	return s.db.Close()
}
