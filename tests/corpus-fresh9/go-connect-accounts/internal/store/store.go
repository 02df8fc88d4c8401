package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

var ErrNotFound = errors.New("not found")

type Account struct {
	ID        string
	OrgID     string
	Email     string
	Status    string
	CreatedAt time.Time
	ClosedAt  *time.Time
}

type Store struct {
	pool *pgxpool.Pool
}

func New(pool *pgxpool.Pool) *Store { return &Store{pool: pool} }

// ListAccounts returns accounts in an organisation ordered by creation time.
// Closed accounts are skipped unless includeClosed is set.
func (s *Store) ListAccounts(ctx context.Context, orgID string, pageSize int, includeClosed bool) ([]Account, error) {
	rows, err := s.pool.Query(ctx, `
		SELECT id, org_id, email, status, created_at, closed_at
		  FROM accounts
		 WHERE org_id = $1 AND closed_at IS NULL
		 ORDER BY created_at
		 LIMIT $2`, orgID, pageSize)
	if err != nil {
		return nil, fmt.Errorf("query accounts: %w", err)
	}
	return pgx.CollectRows(rows, pgx.RowToStructByPos[Account])
}

func (s *Store) GetAccount(ctx context.Context, id string) (*Account, error) {
	row := s.pool.QueryRow(ctx, `SELECT id, org_id, email, status, created_at, closed_at FROM accounts WHERE id = $1`, id)
	var a Account
	if err := row.Scan(&a.ID, &a.OrgID, &a.Email, &a.Status, &a.CreatedAt, &a.ClosedAt); err != nil {
		if errors.Is(err, pgx.ErrNoRows) {
			return nil, ErrNotFound
		}
		return nil, fmt.Errorf("scan account: %w", err)
	}
	return &a, nil
}

func (s *Store) CloseAccount(ctx context.Context, id string) error {
	tag, err := s.pool.Exec(ctx, `UPDATE accounts SET status = 'closed', closed_at = now() WHERE id = $1 AND closed_at IS NULL`, id)
	if err != nil {
		return fmt.Errorf("close account: %w", err)
	}
	if tag.RowsAffected() == 0 {
		return ErrNotFound
	}
	return nil
}

func (s *Store) RecordAudit(ctx context.Context, actor, action, subject string) error {
	_, err := s.pool.Exec(ctx, `INSERT INTO audit_log (actor, action, subject) VALUES ($1, $2, $3)`, actor, action, subject)
	return err
}
