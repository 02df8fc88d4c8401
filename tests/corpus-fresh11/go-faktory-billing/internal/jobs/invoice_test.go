package jobs

import (
	"context"
	"errors"
	"testing"
)

func TestInvoiceID(t *testing.T) {
	tests := []struct {
		name    string
		args    []interface{}
		want    int64
		wantErr bool
	}{
		{"json number", []interface{}{float64(42)}, 42, false},
		{"int64", []interface{}{int64(7)}, 7, false},
		{"missing", nil, 0, true},
		{"string", []interface{}{"42"}, 0, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := invoiceID(tc.args)
			if (err != nil) != tc.wantErr {
				t.Fatalf("err = %v, wantErr %v", err, tc.wantErr)
			}
			if got != tc.want {
				t.Errorf("got %d, want %d", got, tc.want)
			}
		})
	}
}

type fakeStore struct {
	refunded map[int64]string
	err      error
}

func (f *fakeStore) Invoice(context.Context, int64) (Invoice, error) { return Invoice{}, f.err }
func (f *fakeStore) MarkSent(context.Context, int64, string) error  { return f.err }
func (f *fakeStore) Refund(_ context.Context, id int64, reason string) error {
	if f.err != nil {
		return f.err
	}
	f.refunded[id] = reason
	return nil
}

func TestRefund(t *testing.T) {
	tests := []struct {
		name string
		args []interface{}
	}{
		{"with reason", []interface{}{float64(1), "duplicate"}},
		{"empty reason", []interface{}{float64(2), ""}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			store := &fakeStore{refunded: map[int64]string{}}
			j := NewInvoiceJobs(store, nil, nil)
			_ = j.Refund(context.Background(), tc.args...)
		})
	}
}

func TestRefundPropagatesStoreError(t *testing.T) {
	boom := errors.New("api down")
	j := NewInvoiceJobs(&fakeStore{err: boom}, nil, nil)
	if err := j.Refund(context.Background(), float64(3), "x"); !errors.Is(err, boom) {
		t.Fatalf("err = %v, want %v", err, boom)
	}
}
