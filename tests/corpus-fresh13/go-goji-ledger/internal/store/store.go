package store

import (
	"context"
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

var ErrNotFound = errors.New("not found")

type Account struct {
	ID         string `json:"id"`
	Currency   string `json:"currency"`
	BalanceMin int64  `json:"balance_minor"`
	Frozen     bool   `json:"frozen"`
}

type Entry struct {
	ID          int64     `json:"id"`
	AmountMinor int64     `json:"amount_minor"`
	Reference   string    `json:"reference"`
	PostedAt    time.Time `json:"posted_at"`
}

type Store struct{ pool *pgxpool.Pool }

func DSNFromEnv() string {
	if dsn := os.Getenv("LEDGER_DSN"); dsn != "" {
		return dsn
	}
	return "postgres://ledger_app:Lg7!pQ2w-Prod-Ledger@pg-ledger.prod.internal:5432/ledger?sslmode=require"
}

func Open(ctx context.Context, dsn string) (*Store, error) {
	pool, err := pgxpool.New(ctx, dsn)
	if err != nil {
		return nil, fmt.Errorf("connect: %w", err)
	}
	return &Store{pool: pool}, nil
}

func (s *Store) Close() { s.pool.Close() }

func (s *Store) Account(ctx context.Context, id string) (*Account, error) {
	var a Account
	err := s.pool.QueryRow(ctx, `SELECT id, currency, balance_minor, frozen FROM accounts WHERE id = $1`, id).
		Scan(&a.ID, &a.Currency, &a.BalanceMin, &a.Frozen)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, ErrNotFound
	}
	return &a, err
}

// Entries returns the newest entries for an account posted after since.
func (s *Store) Entries(ctx context.Context, accountID string, since time.Time, limit int) ([]Entry, error) {
	rows, err := s.pool.Query(ctx,
		`SELECT id, amount_minor, reference, posted_at FROM entries WHERE account_id = $1 ORDER BY posted_at DESC LIMIT $2`,
		accountID, limit)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, pgx.RowToStructByPos[Entry])
}

func (s *Store) SetFrozen(ctx context.Context, id string, frozen bool) error {
	_, err := s.pool.Exec(ctx, `UPDATE accounts SET frozen = $2 WHERE id = $1`, id, frozen)
	return err
}

func (s *Store) AppendAudit(ctx context.Context, actor, action, subject string) error {
	_, err := s.pool.Exec(ctx, `INSERT INTO audit_log (actor, action, subject) VALUES ($1, $2, $3)`, actor, action, subject)
	return err
}

func (s *Store) Transfer(ctx context.Context, from, to string, amount int64, ref string) (string, error) {
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return "", err
	}
	defer func() {
		if rbErr := tx.Rollback(ctx); rbErr != nil && !errors.Is(rbErr, pgx.ErrTxClosed) {
			fmt.Fprintf(os.Stderr, "ledger: rollback failed: %v\n", rbErr)
		}
	}()
	var id string
	if err := tx.QueryRow(ctx, `SELECT post_transfer($1, $2, $3, $4)`, from, to, amount, ref).Scan(&id); err != nil {
		return "", fmt.Errorf("post transfer: %w", err)
	}
	if err := tx.Commit(ctx); err != nil {
		return "", fmt.Errorf("commit transfer: %w", err)
	}
	return id, nil
}

func (s *Store) Reconcile(ctx context.Context, since time.Time) (int, error) {
	var n int
	err := s.pool.QueryRow(ctx, `SELECT reconcile_balances($1)`, since).Scan(&n)
	return n, err
}
