package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"time"

	_ "modernc.org/sqlite"
)

const (
	RoleAdmin  = "admin"
	RoleMember = "member"
)

var ErrNotFound = errors.New("not found")

type User struct {
	Name string
	Role string
}

type Repo struct {
	Name        string
	Owner       string
	Private     bool
	DeployToken string
	CreatedAt   time.Time
}

type Store struct {
	db *sql.DB
}

func Open(path string) (*Store, error) {
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=foreign_keys(1)&_pragma=journal_mode(WAL)")
	if err != nil {
		return nil, err
	}
	_, err = db.Exec(`
		CREATE TABLE IF NOT EXISTS users (name TEXT PRIMARY KEY, role TEXT NOT NULL DEFAULT 'member');
		CREATE TABLE IF NOT EXISTS keys (user TEXT NOT NULL REFERENCES users(name), authorized_key TEXT NOT NULL UNIQUE);
		CREATE TABLE IF NOT EXISTS repos (
			name TEXT PRIMARY KEY,
			owner TEXT NOT NULL REFERENCES users(name),
			private INTEGER NOT NULL DEFAULT 1,
			deploy_token TEXT NOT NULL,
			created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
		);
		CREATE TABLE IF NOT EXISTS collaborators (repo TEXT NOT NULL REFERENCES repos(name) ON DELETE CASCADE, user TEXT NOT NULL, PRIMARY KEY (repo, user));
		CREATE TABLE IF NOT EXISTS audit (at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP, actor TEXT NOT NULL, action TEXT NOT NULL, target TEXT NOT NULL);
	`)
	if err != nil {
		return nil, err
	}
	return &Store{db: db}, nil
}

func (s *Store) Close() error { return s.db.Close() }

func (s *Store) UserByKey(ctx context.Context, authorizedKey string) (*User, error) {
	var u User
	err := s.db.QueryRowContext(ctx,
		`SELECT u.name, u.role FROM users u JOIN keys k ON k.user = u.name WHERE k.authorized_key = ?`, authorizedKey,
	).Scan(&u.Name, &u.Role)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	return &u, err
}

func (s *Store) UserKeys(ctx context.Context, name string) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT authorized_key FROM keys WHERE user = ?`, name)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var keys []string
	for rows.Next() {
		var k string
		if err := rows.Scan(&k); err != nil {
			return nil, err
		}
		keys = append(keys, k)
	}
	return keys, rows.Err()
}

func (s *Store) User(ctx context.Context, name string) (*User, error) {
	var u User
	err := s.db.QueryRowContext(ctx, `SELECT name, role FROM users WHERE name = ?`, name).Scan(&u.Name, &u.Role)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	return &u, err
}

func (s *Store) AddUser(ctx context.Context, actor, name, role string) error {
	return s.withAudit(ctx, actor, "user.add", name, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO users (name, role) VALUES (?, ?)`, name, role)
		return err
	})
}

func (s *Store) AddKey(ctx context.Context, actor, user, authorizedKey string) error {
	return s.withAudit(ctx, actor, "key.add", user, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO keys (user, authorized_key) VALUES (?, ?)`, user, authorizedKey)
		return err
	})
}

func newToken() string {
	b := make([]byte, 20)
	if _, err := rand.Read(b); err != nil {
		panic(err)
	}
	return "gbx_" + hex.EncodeToString(b)
}

func (s *Store) CreateRepo(ctx context.Context, owner, name string, private bool) (*Repo, error) {
	repo := &Repo{Name: name, Owner: owner, Private: true, DeployToken: newToken(), CreatedAt: time.Now()}
	err := s.withAudit(ctx, owner, "repo.create", name, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO repos (name, owner, deploy_token) VALUES (?, ?, ?)`, name, owner, repo.DeployToken)
		return err
	})
	return repo, err
}

func (s *Store) Repo(ctx context.Context, name string) (*Repo, error) {
	var r Repo
	err := s.db.QueryRowContext(ctx, `SELECT name, owner, private, deploy_token, created_at FROM repos WHERE name = ?`, name).
		Scan(&r.Name, &r.Owner, &r.Private, &r.DeployToken, &r.CreatedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	return &r, err
}

func (s *Store) ReposVisibleTo(ctx context.Context, user string) ([]Repo, error) {
	rows, err := s.db.QueryContext(ctx, `
		SELECT r.name, r.owner, r.private, r.created_at FROM repos r
		WHERE r.private = 0 OR r.owner = ? OR EXISTS (SELECT 1 FROM collaborators c WHERE c.repo = r.name AND c.user = ?)
		ORDER BY r.name`, user, user)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var repos []Repo
	for rows.Next() {
		var r Repo
		if err := rows.Scan(&r.Name, &r.Owner, &r.Private, &r.CreatedAt); err != nil {
			return nil, err
		}
		repos = append(repos, r)
	}
	return repos, rows.Err()
}

func (s *Store) AddCollaborator(ctx context.Context, actor, repo, user string) error {
	return s.withAudit(ctx, actor, "collab.add", repo+":"+user, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO collaborators (repo, user) VALUES (?, ?)`, repo, user)
		return err
	})
}

func (s *Store) DeleteRepo(ctx context.Context, actor, name string) error {
	return s.withAudit(ctx, actor, "repo.delete", name, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM repos WHERE name = ?`, name)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrNotFound
		}
		return nil
	})
}

func (s *Store) withAudit(ctx context.Context, actor, action, target string, fn func(*sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO audit (actor, action, target) VALUES (?, ?, ?)`, actor, action, target); err != nil {
		return err
	}
	return tx.Commit()
}
