package httpapi

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

type fakeTokens map[string]Principal

func (f fakeTokens) Lookup(_ context.Context, tok string) (Principal, bool) {
	p, ok := f[tok]
	return p, ok
}

type fakeOrders struct{ statuses map[string]string }

func (f *fakeOrders) Get(_ context.Context, id string) (Order, error) {
	return Order{ID: id, CustomerID: "c1", TotalMinor: 990, Status: "open"}, nil
}
func (f *fakeOrders) Create(_ context.Context, o Order) (Order, error) { o.ID = "o-new"; return o, nil }
func (f *fakeOrders) SetStatus(_ context.Context, id, st string) error {
	f.statuses[id] = st
	return nil
}
func (f *fakeOrders) EraseCustomer(context.Context, string) error { return nil }

type nopAudit struct{}

func (nopAudit) Write(context.Context, string, string, string) error { return nil }

func newTestRouter(t *testing.T) (http.Handler, *fakeOrders) {
	t.Helper()
	orders := &fakeOrders{statuses: map[string]string{}}
	tokens := fakeTokens{"test-writer": {Subject: "u1", Scopes: []string{"orders:write"}}}
	s := NewServer(tokens, orders, nopAudit{}, nil, slog.New(slog.NewTextHandler(io.Discard, nil)))
	return NewRouter(Config{InternalKey: "test-internal-key", RequestTimeout: time.Second}, s), orders
}

func do(t *testing.T, h http.Handler, method, path, token, body string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(method, path, strings.NewReader(body))
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

func TestGetOrderRequiresAuth(t *testing.T) {
	h, _ := newTestRouter(t)
	rec := do(t, h, http.MethodGet, "/v1/orders/o1", "", "")
	require.Equal(t, http.StatusUnauthorized, rec.Code)
}

func TestCreateOrder(t *testing.T) {
	h, _ := newTestRouter(t)
	do(t, h, http.MethodPost, "/v1/orders", "test-writer", `{"customer_id":"c1","total_minor":990}`)
}

func TestFulfilmentCallback(t *testing.T) {
	h, orders := newTestRouter(t)
	req := httptest.NewRequest(http.MethodPost, "/internal/fulfilment", strings.NewReader(`{"order_id":"o1","status":"shipped"}`))
	req.Header.Set("X-Internal-Key", "test-internal-key")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	require.Equal(t, http.StatusAccepted, rec.Code)
	require.Equal(t, "shipped", orders.statuses["o1"])
}
