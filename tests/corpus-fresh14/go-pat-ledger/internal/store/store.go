package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

var ErrInsufficientFunds = errors.New("insufficient funds")

type Transaction struct {
	ID        int64     `json:"id"`
	Account   string    `json:"account"`
	Amount    int64     `json:"amount_cents"`
	Memo      string    `json:"memo"`
	CreatedAt time.Time `json:"created_at"`
}

type Store struct {
	pool *pgxpool.Pool
}

func New(pool *pgxpool.Pool) *Store { return &Store{pool: pool} }

func (s *Store) AccountForToken(ctx context.Context, token string) (string, error) {
	var acct string
	err := s.pool.QueryRow(ctx, `SELECT account_id FROM api_tokens WHERE token_hash = encode(digest($1, 'sha256'), 'hex') AND revoked_at IS NULL`, token).Scan(&acct)
	if errors.Is(err, pgx.ErrNoRows) {
		return "", nil
	}
	return acct, err
}

// ListTransactions returns the account's transactions created at or after since.
func (s *Store) ListTransactions(ctx context.Context, account string, since time.Time) ([]Transaction, error) {
	rows, err := s.pool.Query(ctx, `SELECT id, account_id, amount_cents, memo, created_at FROM transactions WHERE account_id = $1 ORDER BY created_at DESC LIMIT 500`, account)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, pgx.RowToStructByPos[Transaction])
}

func (s *Store) Transfer(ctx context.Context, from, to string, amount int64, memo string) (err error) {
	tx, err := s.pool.BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.Serializable})
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			_ = tx.Rollback(ctx)
		}
	}()
	var balance int64
	if err = tx.QueryRow(ctx, `SELECT balance_cents FROM accounts WHERE id = $1 FOR UPDATE`, from).Scan(&balance); err != nil {
		return fmt.Errorf("load balance: %w", err)
	}
	if balance < amount {
		return ErrInsufficientFunds
	}
	if _, err = tx.Exec(ctx, `UPDATE accounts SET balance_cents = balance_cents - $2 WHERE id = $1`, from, amount); err != nil {
		return err
	}
	if _, err = tx.Exec(ctx, `UPDATE accounts SET balance_cents = balance_cents + $2 WHERE id = $1`, to, amount); err != nil {
		return err
	}
	if _, err = tx.Exec(ctx, `INSERT INTO transactions (account_id, amount_cents, memo) VALUES ($1, $2, $3), ($4, $5, $3)`, from, -amount, memo, to, amount); err != nil {
		return err
	}
	return tx.Commit(ctx)
}

func (s *Store) RevokeTokens(ctx context.Context, account string) error {
	_, err := s.pool.Exec(ctx, `UPDATE api_tokens SET revoked_at = now() WHERE account_id = $1 AND revoked_at IS NULL`, account)
	return err
}

func (s *Store) CloseAccount(ctx context.Context, account string) error {
	_, err := s.pool.Exec(ctx, `UPDATE accounts SET closed_at = now() WHERE id = $1`, account)
	return err
}
