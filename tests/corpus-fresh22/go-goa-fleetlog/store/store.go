// Package store persists vehicles and service records in Postgres.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"
)

var ErrNotFound = errors.New("store: not found")

type Vehicle struct {
	ID            string
	VIN           string
	Depot         string
	OdometerKm    int
	ServiceEvery  int
	LastServiceKm int
	LastServiceAt time.Time
	Retired       bool
}

type Store struct {
	db *sql.DB
}

func Open(ctx context.Context, dsn string) (*Store, error) {
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		return nil, fmt.Errorf("open: %w", err)
	}
	db.SetMaxOpenConns(20)
	db.SetConnMaxIdleTime(5 * time.Minute)
	if err := db.PingContext(ctx); err != nil {
		return nil, fmt.Errorf("ping: %w", err)
	}
	return &Store{db: db}, nil
}

func (s *Store) Close() error { return s.db.Close() }

func (s *Store) Ping(ctx context.Context) error { return s.db.PingContext(ctx) }

const vehicleCols = `id, vin, depot, odometer_km, service_every_km, last_service_km, last_service_at, retired`

func scanVehicle(row interface{ Scan(...any) error }) (*Vehicle, error) {
	var v Vehicle
	if err := row.Scan(&v.ID, &v.VIN, &v.Depot, &v.OdometerKm, &v.ServiceEvery, &v.LastServiceKm, &v.LastServiceAt, &v.Retired); err != nil {
		return nil, err
	}
	return &v, nil
}

func (s *Store) ListVehicles(ctx context.Context, depot string, includeRetired bool) ([]*Vehicle, error) {
	q := `SELECT ` + vehicleCols + ` FROM vehicles WHERE ($1 = '' OR depot = $1) AND (retired = false OR $2) ORDER BY id`
	rows, err := s.db.QueryContext(ctx, q, depot, includeRetired)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*Vehicle
	for rows.Next() {
		v, err := scanVehicle(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

func (s *Store) Vehicle(ctx context.Context, id string) (*Vehicle, error) {
	v, err := scanVehicle(s.db.QueryRowContext(ctx, `SELECT `+vehicleCols+` FROM vehicles WHERE id = $1`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	return v, err
}

// RecordService stores a service and moves the vehicle's service baseline in one transaction.
func (s *Store) RecordService(ctx context.Context, vehicleID string, at time.Time, odometer int, notes string, actor string) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer func() { _ = tx.Rollback() }()

	if _, err := tx.ExecContext(ctx,
		`INSERT INTO service_records (vehicle_id, performed_at, odometer_km, notes, recorded_by) VALUES ($1, $2, $3, $4, $5)`,
		vehicleID, at, odometer, notes, actor); err != nil {
		return fmt.Errorf("insert service record: %w", err)
	}
	res, err := tx.ExecContext(ctx,
		`UPDATE vehicles SET last_service_km = $2, last_service_at = $3, odometer_km = GREATEST(odometer_km, $2) WHERE id = $1`,
		vehicleID, odometer, at)
	if err != nil {
		return fmt.Errorf("update vehicle: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	return tx.Commit()
}

func (s *Store) Retire(ctx context.Context, id string) error {
	res, err := s.db.ExecContext(ctx, `UPDATE vehicles SET retired = true WHERE id = $1`, id)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	return nil
}

func (s *Store) PurgeHistory(ctx context.Context, id string) (int64, error) {
	res, err := s.db.ExecContext(ctx, `DELETE FROM service_records WHERE vehicle_id = $1`, id)
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}

func (s *Store) UpdateOdometer(ctx context.Context, id string, km int) error {
	_, err := s.db.ExecContext(ctx, `UPDATE vehicles SET odometer_km = GREATEST(odometer_km, $2) WHERE id = $1`, id, km)
	return err
}

func (s *Store) Audit(ctx context.Context, actor, action, subject string) error {
	_, err := s.db.ExecContext(ctx, `INSERT INTO audit_events (actor, action, subject) VALUES ($1, $2, $3)`, actor, action, subject)
	return err
}
