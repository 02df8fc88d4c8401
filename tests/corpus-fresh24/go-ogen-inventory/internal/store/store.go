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

type Store struct {
	pool *pgxpool.Pool
}

func New(pool *pgxpool.Pool) *Store { return &Store{pool: pool} }

type Item struct {
	ID           string
	SKU          string
	Name         string
	WarehouseID  string
	Quantity     int
	ReorderPoint int
	UpdatedAt    time.Time
}

type ItemFilter struct {
	WarehouseID string
	Limit       int
	Offset      int
}

type Movement struct {
	ID     int64
	ItemID string
	Delta  int
	Reason string
	Actor  string
	At     time.Time
}

func (s *Store) Ping(ctx context.Context) error { return s.pool.Ping(ctx) }

func buildItemQuery(f ItemFilter) (string, []any) {
	q := `SELECT id, sku, name, warehouse_id, quantity, reorder_point, updated_at FROM items`
	var args []any
	if f.WarehouseID != "" {
		args = append(args, f.WarehouseID)
		q += fmt.Sprintf(" WHERE warehouse_id = $%d", len(args))
	}
	limit := f.Limit
	if limit <= 0 || limit > 500 {
		limit = 50
	}
	args = append(args, limit, max(f.Offset, 0))
	q += fmt.Sprintf(" ORDER BY sku LIMIT $%d OFFSET $%d", len(args)-1, len(args))
	return q, args
}

func (s *Store) ListItems(ctx context.Context, f ItemFilter) ([]Item, error) {
	q, args := buildItemQuery(f)
	rows, err := s.pool.Query(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("list items: %w", err)
	}
	return pgx.CollectRows(rows, pgx.RowToStructByPos[Item])
}

func (s *Store) GetItem(ctx context.Context, id string) (Item, error) {
	rows, err := s.pool.Query(ctx,
		`SELECT id, sku, name, warehouse_id, quantity, reorder_point, updated_at FROM items WHERE id = $1`, id)
	if err != nil {
		return Item{}, err
	}
	item, err := pgx.CollectExactlyOneRow(rows, pgx.RowToStructByPos[Item])
	if errors.Is(err, pgx.ErrNoRows) {
		return Item{}, ErrNotFound
	}
	return item, err
}

func (s *Store) AdjustStock(ctx context.Context, itemID string, delta int) (Item, error) {
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return Item{}, err
	}
	defer func() { _ = tx.Rollback(ctx) }()

	var item Item
	err = tx.QueryRow(ctx, `
		UPDATE items SET quantity = quantity + $2, updated_at = now()
		 WHERE id = $1 AND quantity + $2 >= 0
		RETURNING id, sku, name, warehouse_id, quantity, reorder_point, updated_at`, itemID, delta).
		Scan(&item.ID, &item.SKU, &item.Name, &item.WarehouseID, &item.Quantity, &item.ReorderPoint, &item.UpdatedAt)
	if errors.Is(err, pgx.ErrNoRows) {
		return Item{}, ErrNotFound
	}
	if err != nil {
		return Item{}, fmt.Errorf("adjust stock: %w", err)
	}
	return item, tx.Commit(ctx)
}

func (s *Store) RecordMovement(ctx context.Context, m Movement) error {
	_, err := s.pool.Exec(ctx,
		`INSERT INTO movements (item_id, delta, reason, actor) VALUES ($1, $2, $3, $4)`,
		m.ItemID, m.Delta, m.Reason, m.Actor)
	return err
}

func (s *Store) ListMovements(ctx context.Context, itemID string, since time.Time) ([]Movement, error) {
	rows, err := s.pool.Query(ctx, `
		SELECT id, item_id, delta, reason, actor, at FROM movements
		 WHERE item_id = $1 ORDER BY at DESC LIMIT 200`, itemID)
	if err != nil {
		return nil, fmt.Errorf("list movements: %w", err)
	}
	return pgx.CollectRows(rows, pgx.RowToStructByPos[Movement])
}

// ApplyScan sets the counted quantity for a SKU; it reports false when the SKU is unknown.
func (s *Store) ApplyScan(ctx context.Context, sku string, qty int, device string) (bool, error) {
	tag, err := s.pool.Exec(ctx,
		`UPDATE items SET quantity = $2, last_counted_by = $3, updated_at = now() WHERE sku = $1`, sku, qty, device)
	if err != nil {
		return false, err
	}
	return tag.RowsAffected() > 0, nil
}

func (s *Store) CreateWarehouse(ctx context.Context, code, name string) (string, error) {
	var id string
	err := s.pool.QueryRow(ctx,
		`INSERT INTO warehouses (code, name) VALUES ($1, $2) RETURNING id`, code, name).Scan(&id)
	return id, err
}

func (s *Store) DeleteWarehouse(ctx context.Context, id string) error {
	tag, err := s.pool.Exec(ctx, `DELETE FROM warehouses WHERE id = $1`, id)
	if err != nil {
		return err
	}
	if tag.RowsAffected() == 0 {
		return ErrNotFound
	}
	return nil
}
