package store

import (
	"context"
	"errors"
	"fmt"
	"log/slog"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

var ErrNotFound = errors.New("not found")

type Tenant struct {
	ID        string `json:"id"`
	Name      string `json:"name"`
	Plan      string `json:"plan"`
	Suspended bool   `json:"suspended"`
}

// TenantStore is implemented by Store and by fakes in tests.
type TenantStore interface {
	ListTenants(ctx context.Context, includeSuspended bool) ([]Tenant, error)
	GetTenant(ctx context.Context, id string) (Tenant, error)
	SuspendTenant(ctx context.Context, id, actor string) error
	DeleteTenant(ctx context.Context, id string) error
}

type Store struct {
	pool *pgxpool.Pool
}

func Open(ctx context.Context, url string) (*Store, error) {
	pool, err := pgxpool.New(ctx, url)
	if err != nil {
		return nil, fmt.Errorf("connect: %w", err)
	}
	return &Store{pool: pool}, nil
}

func (s *Store) Close() { s.pool.Close() }

func (s *Store) ListTenants(ctx context.Context, includeSuspended bool) ([]Tenant, error) {
	rows, err := s.pool.Query(ctx, `SELECT id, name, plan, suspended FROM tenants ORDER BY name`)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, pgx.RowToStructByPos[Tenant])
}

func (s *Store) GetTenant(ctx context.Context, id string) (Tenant, error) {
	var t Tenant
	err := s.pool.QueryRow(ctx, `SELECT id, name, plan, suspended FROM tenants WHERE id = $1`, id).
		Scan(&t.ID, &t.Name, &t.Plan, &t.Suspended)
	if errors.Is(err, pgx.ErrNoRows) {
		return Tenant{}, ErrNotFound
	}
	return t, err
}

func (s *Store) SuspendTenant(ctx context.Context, id, actor string) error {
	tag, err := s.pool.Exec(ctx, `UPDATE tenants SET suspended = true WHERE id = $1`, id)
	if err != nil {
		return err
	}
	if tag.RowsAffected() == 0 {
		return ErrNotFound
	}
	_, _ = s.pool.Exec(ctx, `INSERT INTO audit_events (actor, action, target) VALUES ($1, 'suspend', $2)`, actor, id)
	return nil
}

func (s *Store) DeleteTenant(ctx context.Context, id string) error {
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return err
	}
	defer func() {
		// Rollback after a successful Commit returns ErrTxClosed; that is expected.
		if rbErr := tx.Rollback(ctx); rbErr != nil && !errors.Is(rbErr, pgx.ErrTxClosed) {
			slog.Warn("rollback failed", "tenant", id, "err", rbErr)
		}
	}()
	if _, err := tx.Exec(ctx, `DELETE FROM tenants WHERE id = $1`, id); err != nil {
		return fmt.Errorf("delete tenant %s: %w", id, err)
	}
	return tx.Commit(ctx)
}
