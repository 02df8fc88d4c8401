package data

import (
	"context"
	"database/sql"
	stderrors "errors"
	"strings"
	"time"

	"github.com/go-kratos/kratos/v2/errors"
)

type Item struct {
	ID           string    `json:"id"`
	SKU          string    `json:"sku"`
	Name         string    `json:"name"`
	Warehouse    string    `json:"warehouse"`
	OnHand       int64     `json:"on_hand"`
	ReorderPoint int64     `json:"reorder_point"`
	ReorderQty   int64     `json:"reorder_qty"`
	PriceCents   int64     `json:"price_cents"`
	UpdatedAt    time.Time `json:"updated_at"`
}

var ErrNotFound = errors.NotFound("ITEM_NOT_FOUND", "item not found")

const itemColumns = `id, sku, name, warehouse, on_hand, reorder_point, reorder_qty, price_cents, updated_at`

type Store struct {
	db *sql.DB
}

func NewStore(dsn string) (*Store, func(), error) {
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		return nil, nil, err
	}
	db.SetMaxOpenConns(20)
	db.SetConnMaxIdleTime(5 * time.Minute)
	return &Store{db: db}, func() { _ = db.Close() }, nil
}

func NewStoreFromDB(db *sql.DB) *Store { return &Store{db: db} }

type scanner interface{ Scan(dest ...any) error }

func scanItem(row scanner) (*Item, error) {
	var it Item
	err := row.Scan(&it.ID, &it.SKU, &it.Name, &it.Warehouse, &it.OnHand, &it.ReorderPoint, &it.ReorderQty, &it.PriceCents, &it.UpdatedAt)
	if stderrors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	return &it, err
}

func (s *Store) Ping(ctx context.Context) error { return s.db.PingContext(ctx) }

func (s *Store) GetItem(ctx context.Context, id string) (*Item, error) {
	return scanItem(s.db.QueryRowContext(ctx, `SELECT `+itemColumns+` FROM items WHERE id = $1`, id))
}

func (s *Store) queryItems(ctx context.Context, query string, args ...any) ([]Item, error) {
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Item
	for rows.Next() {
		it, err := scanItem(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, *it)
	}
	return out, rows.Err()
}

func (s *Store) ListItems(ctx context.Context, warehouse string, limit int) ([]Item, error) {
	return s.queryItems(ctx,
		`SELECT `+itemColumns+` FROM items WHERE ($1 = '' OR warehouse = $1) ORDER BY sku`,
		warehouse)
}

func likePattern(q string) string {
	return "%" + strings.NewReplacer(`\`, `\\`, "%", `\%`, "_", `\_`).Replace(q) + "%"
}

func (s *Store) SearchItems(ctx context.Context, q string, limit int) ([]Item, error) {
	return s.queryItems(ctx,
		`SELECT `+itemColumns+` FROM items WHERE name ILIKE $1 OR sku ILIKE $1 ORDER BY sku LIMIT $2`,
		likePattern(q), limit)
}

func (s *Store) AdjustStock(ctx context.Context, id string, delta int64) (*Item, error) {
	return scanItem(s.db.QueryRowContext(ctx,
		`UPDATE items SET on_hand = on_hand + $2, updated_at = now() WHERE id = $1 AND on_hand + $2 >= 0 RETURNING `+itemColumns,
		id, delta))
}

func (s *Store) ApplyPrices(ctx context.Context, prices map[string]int64) (int, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, err
	}
	defer tx.Rollback() //nolint:errcheck // no-op after Commit
	stmt, err := tx.PrepareContext(ctx, `UPDATE items SET price_cents = $2, updated_at = now() WHERE sku = $1`)
	if err != nil {
		return 0, err
	}
	defer stmt.Close()
	n := 0
	for sku, cents := range prices {
		res, err := stmt.ExecContext(ctx, sku, cents)
		if err != nil {
			return 0, err
		}
		affected, err := res.RowsAffected()
		if err != nil {
			return 0, err
		}
		n += int(affected)
	}
	return n, tx.Commit()
}

func (s *Store) AllPrices(ctx context.Context) (map[string]int64, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT sku, price_cents, cost_cents FROM items ORDER BY sku`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := make(map[string]int64)
	for rows.Next() {
		var sku string
		var price, cost int64
		if err := rows.Scan(&sku, &price, &cost); err != nil {
			return nil, err
		}
		out[sku] = price
		out[sku+":cost"] = cost
	}
	return out, rows.Err()
}

func (s *Store) UpdateCost(ctx context.Context, sku string, cents int64) error {
	res, err := s.db.ExecContext(ctx, `UPDATE items SET cost_cents = $2, updated_at = now() WHERE sku = $1`, sku, cents)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	return nil
}

func (s *Store) RebuildSearchIndex(ctx context.Context) error {
	_, err := s.db.ExecContext(ctx, `REFRESH MATERIALIZED VIEW CONCURRENTLY item_search`)
	return err
}
