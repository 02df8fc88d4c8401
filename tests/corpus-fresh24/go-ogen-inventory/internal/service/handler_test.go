package service

import (
	"context"
	"crypto/tls"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"testing"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/acme/inventory/api"
	"github.com/acme/inventory/internal/notify"
	"github.com/acme/inventory/internal/store"
)

func newTestHandler(t *testing.T) *Handler {
	t.Helper()
	dsn := os.Getenv("TEST_DATABASE_URL")
	if dsn == "" {
		dsn = "postgres://inventory:inventory@localhost:5432/inventory_test?sslmode=disable"
	}
	pool, err := pgxpool.New(context.Background(), dsn)
	if err != nil {
		t.Skipf("no test database: %v", err)
	}
	if err := pool.Ping(context.Background()); err != nil {
		t.Skipf("no test database: %v", err)
	}
	t.Cleanup(pool.Close)
	_, err = pool.Exec(context.Background(), `
		TRUNCATE movements, items, warehouses RESTART IDENTITY CASCADE;
		INSERT INTO warehouses (id, code, name) VALUES ('00000000-0000-0000-0000-0000000000a1', 'DUB1', 'Dublin');
		INSERT INTO items (id, sku, name, warehouse_id, quantity, reorder_point)
		VALUES ('00000000-0000-0000-0000-0000000000b1', 'PAL-EUR-01', 'Euro pallet', '00000000-0000-0000-0000-0000000000a1', 40, 10);`)
	if err != nil {
		t.Fatalf("seed: %v", err)
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	return NewHandler(store.New(pool), notify.NewWebhook("", 0, log), log)
}

func asRole(role string) context.Context {
	return WithPrincipal(context.Background(), Principal{Subject: "u-test", Role: role})
}

func requireStatus(t *testing.T, h *Handler, err error, want int) {
	t.Helper()
	if err == nil {
		t.Fatalf("expected error with status %d, got nil", want)
	}
	if got := h.NewError(context.Background(), err).StatusCode; got != want {
		t.Fatalf("status = %d, want %d (err: %v)", got, want, err)
	}
}

func TestAdjustStock(t *testing.T) {
	h := newTestHandler(t)
	ctx := asRole(roleOperator)
	_, _ = h.AdjustStock(ctx, &api.AdjustmentRequest{Delta: -3, Reason: "damaged in transit"},
		api.AdjustStockParams{ItemId: "00000000-0000-0000-0000-0000000000b1"})
}

func TestAdjustStockRequiresOperator(t *testing.T) {
	h := newTestHandler(t)
	_, err := h.AdjustStock(asRole(roleViewer), &api.AdjustmentRequest{Delta: 1, Reason: "recount"},
		api.AdjustStockParams{ItemId: "00000000-0000-0000-0000-0000000000b1"})
	requireStatus(t, h, err, http.StatusForbidden)
}

func TestLowStockWebhookDelivery(t *testing.T) {
	var got int
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got++
		w.WriteHeader(http.StatusAccepted)
	}))
	defer srv.Close()

	client := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}}
	req, _ := http.NewRequest(http.MethodPost, srv.URL, nil)
	resp, err := client.Do(req)
	if err != nil {
		t.Fatalf("post: %v", err)
	}
	resp.Body.Close()
	if got != 1 || resp.StatusCode != http.StatusAccepted {
		t.Fatalf("hits=%d status=%d", got, resp.StatusCode)
	}
}
