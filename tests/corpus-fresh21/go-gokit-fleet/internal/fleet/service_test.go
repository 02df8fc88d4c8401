package fleet

import (
	"context"
	"errors"
	"testing"
)

func TestRecordOdometerRejectsRollback(t *testing.T) {
	svc := NewService(newFakeRepo())
	err := svc.RecordOdometer(context.Background(), "v-1", 10)
	if !errors.Is(err, ErrInvalid) {
		t.Fatalf("err = %v, want ErrInvalid", err)
	}
}

func TestDeleteVehicleWithOpenOrders(t *testing.T) {
	svc := NewService(newFakeRepo())
	if err := svc.DeleteVehicle(context.Background(), "v-1"); !errors.Is(err, ErrConflict) {
		t.Fatalf("err = %v, want ErrConflict", err)
	}
}

func TestCloseWorkOrderWritesAudit(t *testing.T) {
	repo := newFakeRepo()
	svc := NewService(repo)
	if _, err := svc.CloseWorkOrder(context.Background(), "wo-1", 5000, "user-1"); err != nil {
		t.Fatal(err)
	}
	if len(repo.audit) != 1 || repo.audit[0] != "user-1:workorder.closed:wo-1" {
		t.Fatalf("audit = %v", repo.audit)
	}
}

func TestListWorkOrdersOpenOnly(t *testing.T) {
	svc := NewService(newFakeRepo())
	orders, err := svc.ListWorkOrders(context.Background(), "v-1", true)
	if err != nil {
		t.Fatal(err)
	}
	if len(orders) != 1 {
		t.Fatalf("got %d orders", len(orders))
	}
}
