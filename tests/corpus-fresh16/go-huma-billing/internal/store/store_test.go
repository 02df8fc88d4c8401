package store

import (
	"context"
	"database/sql"
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

func TestListInvoicesScansRows(t *testing.T) {
	s, mock := newMock(t)
	now := time.Now()
	mock.ExpectQuery("FROM invoices WHERE customer_id").
		WithArgs("cus_1", 10).
		WillReturnRows(sqlmock.NewRows([]string{"id", "customer_id", "amount_cents", "tax_cents", "currency", "status", "created_at"}).
			AddRow("inv_1", "cus_1", 1000, 190, "EUR", "open", now).
			AddRow("inv_2", "cus_1", 500, 95, "EUR", "paid", now))

	got, err := s.ListInvoices(context.Background(), "cus_1", "", 10)
	if err != nil {
		t.Fatalf("ListInvoices: %v", err)
	}
	if len(got) != 2 || got[1].Status != "paid" {
		t.Fatalf("unexpected invoices: %+v", got)
	}
}

func TestCustomerIDForTokenHashNotFound(t *testing.T) {
	s, mock := newMock(t)
	mock.ExpectQuery("FROM api_tokens").WillReturnError(sql.ErrNoRows)

	_, err := s.CustomerIDForTokenHash(context.Background(), "deadbeef")
	if !errors.Is(err, ErrNotFound) {
		t.Fatalf("err = %v, want ErrNotFound", err)
	}
}

func TestDeleteCustomerRollsBackOnError(t *testing.T) {
	s, mock := newMock(t)
	boom := errors.New("boom")
	mock.ExpectBegin()
	mock.ExpectExec("DELETE FROM invoices").WithArgs("cus_1").WillReturnError(boom)
	mock.ExpectRollback()

	err := s.DeleteCustomer(context.Background(), "cus_1")
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v, want boom", err)
	}
	if err := mock.ExpectationsWereMet(); err != nil {
		t.Error(err)
	}
}
