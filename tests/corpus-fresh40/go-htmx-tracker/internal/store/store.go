// Package store is the Postgres data layer.
package store

import (
	"context"
	"database/sql"
	"errors"
	"time"
)

var ErrNotFound = errors.New("not found")

type User struct {
	ID           int64
	Email        string
	Name         string
	PasswordHash []byte
	Admin        bool
	Disabled     bool
}

type Project struct {
	ID        int64
	OwnerID   int64
	Name      string
	CreatedAt time.Time
	Tasks     []Task
}

type Task struct {
	ID        int64
	ProjectID int64
	Title     string
	Done      bool
}

type Invite struct {
	ID        int64
	ProjectID int64
	Email     string
	Token     string
	ExpiresAt time.Time
}

type Store struct {
	db *sql.DB
}

func New(db *sql.DB) *Store {
	return &Store{db: db}
}

func (s *Store) UserByID(ctx context.Context, id int64) (*User, error) {
	return s.scanUser(s.db.QueryRowContext(ctx,
		`SELECT id, email, name, password_hash, admin, disabled FROM users WHERE id = $1`, id))
}

func (s *Store) UserByEmail(ctx context.Context, email string) (*User, error) {
	return s.scanUser(s.db.QueryRowContext(ctx,
		`SELECT id, email, name, password_hash, admin, disabled FROM users WHERE lower(email) = lower($1)`, email))
}

func (s *Store) scanUser(row *sql.Row) (*User, error) {
	var u User
	err := row.Scan(&u.ID, &u.Email, &u.Name, &u.PasswordHash, &u.Admin, &u.Disabled)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	return &u, err
}

func (s *Store) Users(ctx context.Context) ([]User, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, email, name, admin, disabled FROM users ORDER BY email`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var users []User
	for rows.Next() {
		var u User
		if err := rows.Scan(&u.ID, &u.Email, &u.Name, &u.Admin, &u.Disabled); err != nil {
			return nil, err
		}
		users = append(users, u)
	}
	return users, rows.Err()
}

func (s *Store) DisableUser(ctx context.Context, id int64) error {
	_, err := s.db.ExecContext(ctx, `UPDATE users SET disabled = true WHERE id = $1`, id)
	return err
}

func (s *Store) ProjectsForUser(ctx context.Context, userID int64) ([]Project, error) {
	rows, err := s.db.QueryContext(ctx, `
		SELECT p.id, p.owner_id, p.name, p.created_at FROM projects p
		WHERE p.owner_id = $1 OR EXISTS (SELECT 1 FROM members m WHERE m.project_id = p.id AND m.user_id = $1)
		ORDER BY p.created_at DESC`, userID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var projects []Project
	for rows.Next() {
		var p Project
		if err := rows.Scan(&p.ID, &p.OwnerID, &p.Name, &p.CreatedAt); err != nil {
			return nil, err
		}
		projects = append(projects, p)
	}
	return projects, rows.Err()
}

func (s *Store) Project(ctx context.Context, id int64) (*Project, error) {
	var p Project
	err := s.db.QueryRowContext(ctx, `SELECT id, owner_id, name, created_at FROM projects WHERE id = $1`, id).
		Scan(&p.ID, &p.OwnerID, &p.Name, &p.CreatedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	rows, err := s.db.QueryContext(ctx, `SELECT id, project_id, title, done FROM tasks WHERE project_id = $1 ORDER BY id`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var t Task
		if err := rows.Scan(&t.ID, &t.ProjectID, &t.Title, &t.Done); err != nil {
			return nil, err
		}
		p.Tasks = append(p.Tasks, t)
	}
	return &p, rows.Err()
}

func (s *Store) CreateProject(ctx context.Context, ownerID int64, name string) (*Project, error) {
	p := Project{OwnerID: ownerID, Name: name}
	err := s.db.QueryRowContext(ctx,
		`INSERT INTO projects (owner_id, name) VALUES ($1, $2) RETURNING id, created_at`, ownerID, name).
		Scan(&p.ID, &p.CreatedAt)
	return &p, err
}

// DeleteProject removes a project and its tasks. Only the owner may delete.
func (s *Store) DeleteProject(ctx context.Context, id, ownerID int64) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback() //nolint:errcheck // no-op once committed
	if _, err := tx.ExecContext(ctx, `DELETE FROM tasks WHERE project_id = $1`, id); err != nil {
		return err
	}
	res, err := tx.ExecContext(ctx, `DELETE FROM projects WHERE id = $1`, id)
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err == nil && n == 0 {
		return ErrNotFound
	}
	return tx.Commit()
}

func (s *Store) CreateInvite(ctx context.Context, projectID int64, email, token string) (*Invite, error) {
	inv := Invite{ProjectID: projectID, Email: email, Token: token, ExpiresAt: time.Now().Add(72 * time.Hour)}
	err := s.db.QueryRowContext(ctx,
		`INSERT INTO invites (project_id, email, token, expires_at) VALUES ($1, $2, $3, $4) RETURNING id`,
		projectID, email, token, inv.ExpiresAt).Scan(&inv.ID)
	return &inv, err
}

func (s *Store) DeleteExpiredInvites(ctx context.Context, now time.Time) (int64, error) {
	res, err := s.db.ExecContext(ctx, `DELETE FROM invites WHERE expires_at < $1`, now)
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}
