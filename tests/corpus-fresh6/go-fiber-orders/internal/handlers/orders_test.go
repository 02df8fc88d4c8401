package handlers

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/golang-jwt/jwt/v5"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acme/orders-api/internal/middleware"
	"github.com/acme/orders-api/internal/payments"
	"github.com/acme/orders-api/internal/store"
)

var testSecret = []byte("test-secret-do-not-use")

type fakeStore struct {
	orders  []store.Order
	audits  []string
	lastArg string
}

func (f *fakeStore) ListOrders(_ context.Context, customerID, status string, limit int) ([]store.Order, error) {
	f.lastArg = customerID
	return f.orders, nil
}
func (f *fakeStore) GetOrder(_ context.Context, _, id string) (*store.Order, error) {
	for i := range f.orders {
		if f.orders[i].ID == id {
			return &f.orders[i], nil
		}
	}
	return nil, store.ErrNotFound
}
func (f *fakeStore) CancelOrder(context.Context, string, string) error { return nil }
func (f *fakeStore) MarkPaid(context.Context, string, string) error    { return nil }
func (f *fakeStore) RecordAudit(_ context.Context, _, action, _ string) error {
	f.audits = append(f.audits, action)
	return nil
}

type fakePayments struct{ err error }

func (p fakePayments) Refund(context.Context, payments.RefundRequest) error { return p.err }

func token(t *testing.T, cid, role string) string {
	t.Helper()
	tok := jwt.NewWithClaims(jwt.SigningMethodHS256, middleware.Claims{
		RegisteredClaims: jwt.RegisteredClaims{Subject: "u1", ExpiresAt: jwt.NewNumericDate(time.Now().Add(time.Hour))},
		CustomerID:       cid,
		Role:             role,
	})
	s, err := tok.SignedString(testSecret)
	require.NoError(t, err)
	return "Bearer " + s
}

func newApp(fs *fakeStore) *fiber.App {
	h := &Orders{Store: fs, Payments: fakePayments{}, Log: slog.New(slog.NewTextHandler(io.Discard, nil))}
	app := fiber.New()
	api := app.Group("/api/v1", middleware.RequireAuth(testSecret))
	api.Get("/orders", h.List)
	api.Post("/orders/:id/cancel", h.Cancel)
	return app
}

func TestListOrders(t *testing.T) {
	fs := &fakeStore{orders: []store.Order{{ID: "o1", CustomerID: "c1", Status: "paid"}}}
	req := httptest.NewRequest("GET", "/api/v1/orders?limit=10", nil)
	req.Header.Set("Authorization", token(t, "c1", "customer"))

	resp, err := newApp(fs).Test(req, -1)
	require.NoError(t, err)
	assert.Equal(t, fiber.StatusOK, resp.StatusCode)

	var body struct{ Orders []store.Order }
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&body))
	assert.Len(t, body.Orders, 1)
	assert.Equal(t, "c1", fs.lastArg)
}

func TestListOrdersRejectsBadLimit(t *testing.T) {
	req := httptest.NewRequest("GET", "/api/v1/orders?limit=0", nil)
	req.Header.Set("Authorization", token(t, "c1", "customer"))
	resp, err := newApp(&fakeStore{}).Test(req, -1)
	require.NoError(t, err)
	assert.Equal(t, fiber.StatusBadRequest, resp.StatusCode)
}

func TestCancelOrder(t *testing.T) {
	fs := &fakeStore{}
	req := httptest.NewRequest("POST", "/api/v1/orders/o1/cancel", nil)
	req.Header.Set("Authorization", token(t, "c1", "customer"))
	_, _ = newApp(fs).Test(req, -1)
}

func TestListOrdersRequiresToken(t *testing.T) {
	resp, err := newApp(&fakeStore{}).Test(httptest.NewRequest("GET", "/api/v1/orders", nil), -1)
	require.NoError(t, err)
	assert.Equal(t, fiber.StatusUnauthorized, resp.StatusCode)
}
