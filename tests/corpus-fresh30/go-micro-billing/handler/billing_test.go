package handler

import (
	"context"
	"testing"
	"time"

	"go-micro.dev/v4/client"
	"go-micro.dev/v4/errors"

	"github.com/ledgerline/billing/payments"
	pb "github.com/ledgerline/billing/proto/billing"
	"github.com/ledgerline/billing/store"
)

type fakeStore struct {
	invoices map[string]*store.Invoice
	ledger   []store.LedgerEntry
	paid     []string
	statuses map[string]string
}

func newFakeStore(invs ...*store.Invoice) *fakeStore {
	fs := &fakeStore{invoices: map[string]*store.Invoice{}, statuses: map[string]string{}}
	for _, inv := range invs {
		fs.invoices[inv.ID] = inv
	}
	return fs
}

func (f *fakeStore) Invoice(_ context.Context, id string) (*store.Invoice, error) {
	if inv, ok := f.invoices[id]; ok {
		return inv, nil
	}
	return nil, store.ErrNotFound
}

func (f *fakeStore) MarkPaid(_ context.Context, id string, _ time.Time) error {
	f.paid = append(f.paid, id)
	return nil
}

func (f *fakeStore) SetStatus(_ context.Context, id, status string) error {
	f.statuses[id] = status
	return nil
}

func (f *fakeStore) AppendLedger(_ context.Context, e store.LedgerEntry) error {
	f.ledger = append(f.ledger, e)
	return nil
}

func (f *fakeStore) AdjustBalance(_ context.Context, _ string, delta int64) (int64, error) {
	return 1000 + delta, nil
}

func (f *fakeStore) Ping(context.Context) error { return nil }

type fakeProvider struct{ calls []payments.ChargeParams }

func (p *fakeProvider) Charge(_ context.Context, params payments.ChargeParams) (*payments.Charge, error) {
	p.calls = append(p.calls, params)
	return &payments.Charge{ID: "ch_1", Status: "succeeded"}, nil
}

type nopEvent struct{}

func (nopEvent) Publish(context.Context, interface{}, ...client.PublishOption) error { return nil }

func assertCode(t *testing.T, err error, code int32) {
	t.Helper()
	if err == nil {
		t.Fatalf("expected error with code %d, got nil", code)
	}
	if got := errors.Parse(err.Error()).Code; got != code {
		t.Fatalf("expected code %d, got %d (%v)", code, got, err)
	}
}

func customer(id string, roles ...string) context.Context {
	c := &Claims{Roles: roles}
	c.Subject = id
	return WithClaims(context.Background(), c)
}

func TestCharge(t *testing.T) {
	open := &store.Invoice{ID: "inv_1", CustomerID: "cus_1", CustomerRef: "pf_cus_1", AmountDue: 4200, Currency: "EUR", Status: "open"}
	paid := &store.Invoice{ID: "inv_2", CustomerID: "cus_1", AmountDue: 100, Currency: "EUR", Status: "paid"}

	tests := []struct {
		name     string
		ctx      context.Context
		invoice  string
		wantCode int32
	}{
		{"owner pays open invoice", customer("cus_1"), "inv_1", 0},
		{"already paid", customer("cus_1"), "inv_2", 409},
		{"someone else's invoice", customer("cus_9"), "inv_1", 404},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := &Billing{Store: newFakeStore(open, paid), Payments: &fakeProvider{}, Events: nopEvent{}}
			rsp := &pb.ChargeResponse{}
			err := h.Charge(tt.ctx, &pb.ChargeRequest{InvoiceId: tt.invoice, IdempotencyKey: "k-1"}, rsp)
			if tt.wantCode == 0 {
				if err != nil {
					t.Fatalf("unexpected error: %v", err)
				}
				if rsp.PaymentId != "ch_1" {
					t.Errorf("payment id = %q", rsp.PaymentId)
				}
				return
			}
			assertCode(t, err, tt.wantCode)
		})
	}
}

func TestIssueCreditNoteRequiresAdmin(t *testing.T) {
	h := &Billing{Store: newFakeStore()}
	err := h.IssueCreditNote(customer("cus_1"), &pb.CreditNoteRequest{InvoiceId: "inv_1", Amount: 10}, &pb.CreditNoteResponse{})
	assertCode(t, err, 403)
}

func TestWriteOff(t *testing.T) {
	fs := newFakeStore(&store.Invoice{ID: "inv_7", CustomerID: "cus_2", AmountDue: 900, Status: "past_due"})
	a := &Admin{Store: fs}
	_ = a.WriteOff(customer("ops_1", "billing:admin"), &pb.WriteOffRequest{InvoiceId: "inv_7", Reason: "bankrupt"}, &pb.WriteOffResponse{})
}
