package handlers

import (
	"context"
	"encoding/json"
	"errors"
	"testing"

	"github.com/dapr/go-sdk/service/common"
	"google.golang.org/grpc/metadata"

	"github.com/stallwise/payouts/internal/config"
	"github.com/stallwise/payouts/internal/state"
)

func callerCtx(app string) context.Context {
	return metadata.NewIncomingContext(context.Background(), metadata.Pairs("dapr-caller-app-id", app))
}

func seedPayout(t *testing.T, h *Handlers, p state.Payout) {
	t.Helper()
	if err := h.Store.SavePayout(context.Background(), &p); err != nil {
		t.Fatal(err)
	}
}

func TestApproveRequiresBackoffice(t *testing.T) {
	h, _, _, bk := newTestHandlers(t)
	seedPayout(t, h, state.Payout{ID: "po_1", SellerID: "s1", Cents: 250_000, Status: "pending_approval"})

	_, err := h.ApprovePayout(callerCtx("seller-portal"), &common.InvocationEvent{Verb: "POST", Data: []byte(`{"payout_id":"po_1"}`)})
	if !errors.Is(err, errForbidden) {
		t.Fatalf("err = %v, want errForbidden", err)
	}
	if len(bk.transfers) != 0 {
		t.Fatalf("transfer submitted without approval: %+v", bk.transfers)
	}
}

func TestApproveSubmitsTransfer(t *testing.T) {
	h, _, pub, bk := newTestHandlers(t)
	seedPayout(t, h, state.Payout{ID: "po_2", SellerID: "s2", Cents: 250_000, Currency: "EUR", Status: "pending_approval"})

	out, err := h.ApprovePayout(callerCtx("backoffice"), &common.InvocationEvent{Verb: "POST", Data: []byte(`{"payout_id":"po_2"}`)})
	if err != nil {
		t.Fatal(err)
	}
	var p state.Payout
	if err := json.Unmarshal(out.Data, &p); err != nil {
		t.Fatal(err)
	}
	if p.Status != "submitted" || p.TransferRef != "tr_po_2" || p.ApprovedBy != "backoffice" {
		t.Errorf("unexpected payout after approval: %+v", p)
	}
	if len(bk.transfers) != 1 || len(pub.topics) != 1 || pub.topics[0] != "payouts.submitted" {
		t.Errorf("transfers=%v topics=%v", bk.transfers, pub.topics)
	}
}

func TestOrderCompletedCreditsSeller(t *testing.T) {
	h, _, _, _ := newTestHandlers(t)
	ev := &common.TopicEvent{ID: "e1", RawData: []byte(`{"order_id":"o1","seller_id":"s9","net_cents":4500,"currency":"EUR"}`)}

	retry, err := h.OnOrderCompleted(context.Background(), ev)
	if retry || err != nil {
		t.Fatalf("retry=%v err=%v", retry, err)
	}
	b, _, err := h.Store.Balance(context.Background(), "s9")
	if err != nil {
		t.Fatal(err)
	}
	if b.Cents != 4500 {
		t.Errorf("balance = %d, want 4500", b.Cents)
	}
}

func TestConfigNeedsAppToken(t *testing.T) {
	t.Setenv("APP_API_TOKEN", "")
	if _, err := config.Load(); err == nil {
		t.Fatal("Load succeeded without APP_API_TOKEN")
	}
	t.Setenv("APP_API_TOKEN", "test-app-token")
	cfg, err := config.Load()
	if err != nil {
		t.Fatal(err)
	}
	if cfg.AppAPIToken != "test-app-token" {
		t.Errorf("token = %q", cfg.AppAPIToken)
	}
}
