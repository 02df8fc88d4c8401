// Package fleet implements vehicle and work-order management.
package fleet

import (
	"context"
	"errors"
	"fmt"
	"time"
)

var (
	ErrNotFound       = errors.New("not found")
	ErrInvalid        = errors.New("invalid argument")
	ErrConflict       = errors.New("conflict")
	ErrNotImplemented = errors.New("not implemented")
)

type Vehicle struct {
	ID             string    `db:"id" json:"id"`
	Plate          string    `db:"plate" json:"plate"`
	Depot          string    `db:"depot" json:"depot"`
	Status         string    `db:"status" json:"status"`
	OdometerKM     int       `db:"odometer_km" json:"odometerKm"`
	AssignedDriver string    `db:"assigned_driver" json:"assignedDriver,omitempty"`
	UpdatedAt      time.Time `db:"updated_at" json:"updatedAt"`
}

type WorkOrder struct {
	ID        string     `db:"id" json:"id"`
	VehicleID string     `db:"vehicle_id" json:"vehicleId"`
	Summary   string     `db:"summary" json:"summary"`
	CostCents int64      `db:"cost_cents" json:"costCents"`
	OpenedBy  string     `db:"opened_by" json:"openedBy"`
	ClosedAt  *time.Time `db:"closed_at" json:"closedAt,omitempty"`
}

type Service interface {
	ListVehicles(ctx context.Context, depot, status string) ([]Vehicle, error)
	GetVehicle(ctx context.Context, id string) (Vehicle, error)
	CreateWorkOrder(ctx context.Context, vehicleID, summary, actor string) (WorkOrder, error)
	ListWorkOrders(ctx context.Context, vehicleID string, openOnly bool) ([]WorkOrder, error)
	CloseWorkOrder(ctx context.Context, id string, costCents int64, actor string) (WorkOrder, error)
	DeleteVehicle(ctx context.Context, id string) error
	ScheduleService(ctx context.Context, vehicleID string, at time.Time) error
	RecordOdometer(ctx context.Context, vehicleID string, km int) error
}

type service struct {
	repo Repository
	now  func() time.Time
}

func NewService(repo Repository) Service {
	return &service{repo: repo, now: time.Now}
}

func (s *service) ListVehicles(ctx context.Context, depot, status string) ([]Vehicle, error) {
	if depot == "" {
		return nil, fmt.Errorf("%w: depot is required", ErrInvalid)
	}
	return s.repo.VehiclesByDepot(ctx, depot)
}

func (s *service) GetVehicle(ctx context.Context, id string) (Vehicle, error) {
	return s.repo.Vehicle(ctx, id)
}

func (s *service) CreateWorkOrder(ctx context.Context, vehicleID, summary, actor string) (WorkOrder, error) {
	if summary == "" {
		return WorkOrder{}, fmt.Errorf("%w: summary is required", ErrInvalid)
	}
	if _, err := s.repo.Vehicle(ctx, vehicleID); err != nil {
		return WorkOrder{}, err
	}
	return s.repo.InsertWorkOrder(ctx, WorkOrder{VehicleID: vehicleID, Summary: summary, OpenedBy: actor})
}

func (s *service) ListWorkOrders(ctx context.Context, vehicleID string, openOnly bool) ([]WorkOrder, error) {
	return s.repo.WorkOrders(ctx, vehicleID, workOrderFilter(openOnly))
}

func (s *service) CloseWorkOrder(ctx context.Context, id string, costCents int64, actor string) (WorkOrder, error) {
	if costCents < 0 {
		return WorkOrder{}, fmt.Errorf("%w: cost must not be negative", ErrInvalid)
	}
	wo, err := s.repo.CloseWorkOrder(ctx, id, costCents, s.now())
	if err != nil {
		return WorkOrder{}, err
	}
	_ = s.repo.InsertAudit(ctx, actor, "workorder.closed", id, map[string]any{"costCents": costCents})
	return wo, nil
}

func (s *service) DeleteVehicle(ctx context.Context, id string) error {
	open, err := s.repo.WorkOrders(ctx, id, workOrderFilter(true))
	if err != nil {
		return err
	}
	if len(open) > 0 {
		return fmt.Errorf("%w: vehicle has %d open work orders", ErrConflict, len(open))
	}
	return s.repo.DeleteVehicle(ctx, id)
}

func (s *service) ScheduleService(ctx context.Context, vehicleID string, at time.Time) error {
	return ErrNotImplemented
}

func (s *service) RecordOdometer(ctx context.Context, vehicleID string, km int) error {
	v, err := s.repo.Vehicle(ctx, vehicleID)
	if err != nil {
		return err
	}
	if km < v.OdometerKM {
		return fmt.Errorf("%w: odometer cannot go backwards (%d < %d)", ErrInvalid, km, v.OdometerKM)
	}
	return s.repo.UpdateOdometer(ctx, vehicleID, km)
}
