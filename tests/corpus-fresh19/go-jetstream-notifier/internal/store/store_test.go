package store

import (
	"context"
	"regexp"
	"testing"
	"time"

	"github.com/DATA-DOG/go-sqlmock"
)

func TestPurge(t *testing.T) {
	db, mock, err := sqlmock.New()
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	mock.ExpectExec(regexp.QuoteMeta(`DELETE FROM deliveries WHERE delivered_at < $1`)).
		WithArgs(sqlmock.AnyArg()).
		WillReturnResult(sqlmock.NewResult(0, 3))
	n, err := New(db).Purge(context.Background(), time.Now())
	if err != nil || n != 3 {
		t.Fatalf("Purge() = %d, %v; want 3, nil", n, err)
	}
	if err := mock.ExpectationsWereMet(); err != nil {
		t.Error(err)
	}
}

func TestAlreadyDelivered(t *testing.T) {
	tests := []struct {
		name string
		rows *sqlmock.Rows
		want bool
	}{
		{"delivered", sqlmock.NewRows([]string{"exists"}).AddRow(true), true},
		{"new", sqlmock.NewRows([]string{"exists"}).AddRow(false), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db, mock, err := sqlmock.New()
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			mock.ExpectQuery(`SELECT EXISTS`).WithArgs("evt-1").WillReturnRows(tt.rows)
			got, err := New(db).AlreadyDelivered(context.Background(), "evt-1")
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("AlreadyDelivered = %v, want %v", got, tt.want)
			}
		})
	}
}
