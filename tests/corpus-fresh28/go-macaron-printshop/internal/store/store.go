package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"
)

var ErrNotFound = errors.New("not found")

type Store struct {
	DB *sql.DB
}

type User struct {
	ID           int64
	Email        string
	PasswordHash []byte
	IsAdmin      bool
}

type Order struct {
	ID          int64
	CustomerID  int64
	SKU         string
	Quantity    int
	Rush        bool
	PriceCents  int64
	Status      string
	ArtworkPath string
	ShipTo      string
	ProviderJob sql.NullString
	CreatedAt   time.Time
}

func Open(dsn string) (*Store, error) {
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(20)
	db.SetConnMaxIdleTime(5 * time.Minute)
	return &Store{DB: db}, nil
}

func (s *Store) UserByEmail(ctx context.Context, email string) (*User, error) {
	u := &User{}
	err := s.DB.QueryRowContext(ctx,
		`SELECT id, email, password_hash, is_admin FROM users WHERE lower(email) = lower($1)`, email).
		Scan(&u.ID, &u.Email, &u.PasswordHash, &u.IsAdmin)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	return u, err
}

func (s *Store) UserByID(ctx context.Context, id int64) (*User, error) {
	u := &User{}
	err := s.DB.QueryRowContext(ctx,
		`SELECT id, email, password_hash, is_admin FROM users WHERE id = $1`, id).
		Scan(&u.ID, &u.Email, &u.PasswordHash, &u.IsAdmin)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	return u, err
}

const orderColumns = `id, customer_id, sku, quantity, rush, price_cents, status, artwork_path, ship_to, provider_job, created_at`

func scanOrders(rows *sql.Rows) ([]Order, error) {
	defer rows.Close()
	var out []Order
	for rows.Next() {
		var o Order
		if err := rows.Scan(&o.ID, &o.CustomerID, &o.SKU, &o.Quantity, &o.Rush, &o.PriceCents,
			&o.Status, &o.ArtworkPath, &o.ShipTo, &o.ProviderJob, &o.CreatedAt); err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	return out, rows.Err()
}

// OrdersForCustomer lists a customer's orders, newest first; status "" means all.
func (s *Store) OrdersForCustomer(ctx context.Context, customerID int64, status string) ([]Order, error) {
	rows, err := s.DB.QueryContext(ctx,
		`SELECT `+orderColumns+` FROM orders WHERE customer_id = $1 ORDER BY created_at DESC LIMIT 200`, customerID)
	if err != nil {
		return nil, err
	}
	return scanOrders(rows)
}

func (s *Store) AllOrders(ctx context.Context, status string) ([]Order, error) {
	rows, err := s.DB.QueryContext(ctx,
		`SELECT `+orderColumns+` FROM orders WHERE ($1 = '' OR status = $1) ORDER BY created_at DESC LIMIT 500`, status)
	if err != nil {
		return nil, err
	}
	return scanOrders(rows)
}

func (s *Store) Order(ctx context.Context, id int64) (*Order, error) {
	rows, err := s.DB.QueryContext(ctx, `SELECT `+orderColumns+` FROM orders WHERE id = $1`, id)
	if err != nil {
		return nil, err
	}
	orders, err := scanOrders(rows)
	if err != nil {
		return nil, err
	}
	if len(orders) == 0 {
		return nil, ErrNotFound
	}
	return &orders[0], nil
}

// CreateOrder inserts the order and its first status event in one transaction.
func (s *Store) CreateOrder(ctx context.Context, o *Order) error {
	tx, err := s.DB.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()

	err = tx.QueryRowContext(ctx,
		`INSERT INTO orders (customer_id, sku, quantity, rush, price_cents, status, artwork_path, ship_to)
		 VALUES ($1, $2, $3, $4, $5, 'new', $6, $7) RETURNING id, created_at`,
		o.CustomerID, o.SKU, o.Quantity, o.Rush, o.PriceCents, o.ArtworkPath, o.ShipTo).
		Scan(&o.ID, &o.CreatedAt)
	if err != nil {
		return fmt.Errorf("insert order: %w", err)
	}
	if _, err := tx.ExecContext(ctx,
		`INSERT INTO order_events (order_id, status, at) VALUES ($1, 'new', now())`, o.ID); err != nil {
		return fmt.Errorf("insert event: %w", err)
	}
	tx.Commit()
	o.Status = "new"
	return nil
}

func (s *Store) SetStatus(ctx context.Context, id int64, status string, providerJob string) error {
	_, err := s.DB.ExecContext(ctx,
		`UPDATE orders SET status = $2, provider_job = COALESCE(NULLIF($3, ''), provider_job) WHERE id = $1`,
		id, status, providerJob)
	return err
}
