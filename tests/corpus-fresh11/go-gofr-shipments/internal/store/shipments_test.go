package store

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/DATA-DOG/go-sqlmock"
)

func newMock(t *testing.T) (*Store, sqlmock.Sqlmock) {
	t.Helper()
	db, mock, err := sqlmock.New()
	if err != nil {
		t.Fatalf("sqlmock: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	return New(db), mock
}

func TestGetNotFound(t *testing.T) {
	s, mock := newMock(t)
	mock.ExpectQuery("SELECT id, order_id").WithArgs("missing").WillReturnRows(sqlmock.NewRows(nil))

	_, err := s.Get(context.Background(), "missing")
	if !errors.Is(err, ErrNotFound) {
		t.Fatalf("err = %v, want ErrNotFound", err)
	}
}

func TestListByStatus(t *testing.T) {
	s, mock := newMock(t)
	rows := sqlmock.NewRows([]string{"id", "order_id", "carrier", "status", "tracking_no", "created_at"}).
		AddRow("s1", "o1", "ups", "in_transit", "1Z999", time.Now())
	mock.ExpectQuery("WHERE status = \\$1").WithArgs("in_transit").WillReturnRows(rows)

	got, err := s.List(context.Background(), ListFilter{Status: "in_transit", Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].TrackingNo != "1Z999" {
		t.Errorf("unexpected result %+v", got)
	}
}

func TestCreateWritesEvent(t *testing.T) {
	s, mock := newMock(t)
	mock.ExpectBegin()
	mock.ExpectExec("INSERT INTO shipments").WillReturnResult(sqlmock.NewResult(1, 1))
	mock.ExpectExec("INSERT INTO shipment_events").WillReturnResult(sqlmock.NewResult(1, 1))
	mock.ExpectCommit()

	_ = s.Create(context.Background(), Shipment{ID: "s1", OrderID: "o1", Carrier: "dhl"})
}
