package fleet

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"
)

type Repository interface {
	VehiclesByDepot(ctx context.Context, depot string) ([]Vehicle, error)
	Vehicle(ctx context.Context, id string) (Vehicle, error)
	DeleteVehicle(ctx context.Context, id string) error
	UpdateOdometer(ctx context.Context, id string, km int) error
	InsertWorkOrder(ctx context.Context, wo WorkOrder) (WorkOrder, error)
	WorkOrders(ctx context.Context, vehicleID string, filter string) ([]WorkOrder, error)
	CloseWorkOrder(ctx context.Context, id string, costCents int64, at time.Time) (WorkOrder, error)
	InsertAudit(ctx context.Context, actor, action, subject string, detail map[string]any) error
}

type pgRepository struct {
	db *sqlx.DB
}

func NewRepository(db *sqlx.DB) Repository {
	return &pgRepository{db: db}
}

func workOrderFilter(openOnly bool) string {
	if openOnly {
		return "closed_at IS NULL"
	}
	return "TRUE"
}

func notFound(err error, what string) error {
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("%w: %s", ErrNotFound, what)
	}
	return err
}

func (r *pgRepository) VehiclesByDepot(ctx context.Context, depot string) ([]Vehicle, error) {
	var out []Vehicle
	err := r.db.SelectContext(ctx, &out,
		`SELECT id, plate, depot, status, odometer_km, coalesce(assigned_driver, '') AS assigned_driver, updated_at
		   FROM vehicles WHERE depot = $1 ORDER BY plate`, depot)
	return out, err
}

func (r *pgRepository) Vehicle(ctx context.Context, id string) (Vehicle, error) {
	var v Vehicle
	err := r.db.GetContext(ctx, &v,
		`SELECT id, plate, depot, status, odometer_km, coalesce(assigned_driver, '') AS assigned_driver, updated_at
		   FROM vehicles WHERE id = $1`, id)
	return v, notFound(err, "vehicle "+id)
}

func (r *pgRepository) DeleteVehicle(ctx context.Context, id string) error {
	res, err := r.db.ExecContext(ctx, `DELETE FROM vehicles WHERE id = $1`, id)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("%w: vehicle %s", ErrNotFound, id)
	}
	return nil
}

func (r *pgRepository) UpdateOdometer(ctx context.Context, id string, km int) error {
	_, err := r.db.ExecContext(ctx, `UPDATE vehicles SET odometer_km = $2, updated_at = now() WHERE id = $1`, id, km)
	return err
}

func (r *pgRepository) InsertWorkOrder(ctx context.Context, wo WorkOrder) (WorkOrder, error) {
	err := r.db.GetContext(ctx, &wo,
		`INSERT INTO work_orders (id, vehicle_id, summary, opened_by, cost_cents)
		 VALUES (gen_random_uuid(), $1, $2, $3, 0)
		 RETURNING id, vehicle_id, summary, cost_cents, opened_by, closed_at`,
		wo.VehicleID, wo.Summary, wo.OpenedBy)
	return wo, err
}

func (r *pgRepository) WorkOrders(ctx context.Context, vehicleID string, filter string) ([]WorkOrder, error) {
	var out []WorkOrder
	q := `SELECT id, vehicle_id, summary, cost_cents, opened_by, closed_at
	        FROM work_orders WHERE vehicle_id = $1 AND ` + filter + ` ORDER BY id`
	err := r.db.SelectContext(ctx, &out, q, vehicleID)
	return out, err
}

func (r *pgRepository) CloseWorkOrder(ctx context.Context, id string, costCents int64, at time.Time) (WorkOrder, error) {
	var wo WorkOrder
	err := r.db.GetContext(ctx, &wo,
		`UPDATE work_orders SET closed_at = $2, cost_cents = $3
		  WHERE id = $1 AND closed_at IS NULL
		  RETURNING id, vehicle_id, summary, cost_cents, opened_by, closed_at`, id, at, costCents)
	return wo, notFound(err, "open work order "+id)
}

func (r *pgRepository) InsertAudit(ctx context.Context, actor, action, subject string, detail map[string]any) error {
	raw, err := json.Marshal(detail)
	if err != nil {
		return err
	}
	_, err = r.db.ExecContext(ctx,
		`INSERT INTO audit_log (actor, action, subject, detail) VALUES ($1, $2, $3, $4)`, actor, action, subject, raw)
	return err
}
