package handlers

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acme-retail/orders/internal/config"
	"github.com/acme-retail/orders/internal/service"
)

type fakeOrders struct {
	lastLimit int
	created   []service.NewOrder
	getErr    error
}

func (f *fakeOrders) List(_ context.Context, _ string, _ service.Filter, limit int) ([]service.Order, error) {
	f.lastLimit = limit
	return []service.Order{testOrder("o-1")}, nil
}

func (f *fakeOrders) Get(_ context.Context, _ string, id string) (*service.Order, error) {
	if f.getErr != nil {
		return nil, f.getErr
	}
	o := testOrder(id)
	return &o, nil
}

func (f *fakeOrders) Create(_ context.Context, _ string, in service.NewOrder) (*service.Order, error) {
	f.created = append(f.created, in)
	o := testOrder("o-new")
	return &o, nil
}

func (f *fakeOrders) Delete(context.Context, string, string) error            { return nil }
func (f *fakeOrders) SetStatus(context.Context, string, string, string) error { return nil }

// testOrder builds a fixture; it is not a test.
func testOrder(id string) service.Order {
	return service.Order{ID: id, TenantID: "t1", Status: "pending", TotalCents: 1999, CreatedAt: time.Unix(0, 0).UTC()}
}

func newTestRouter(t *testing.T, svc OrderService, cfg *config.Config) *gin.Engine {
	t.Helper()
	gin.SetMode(gin.TestMode)
	if cfg == nil {
		cfg = &config.Config{MaxPageSize: 200}
	}
	h := New(svc, nil, cfg)
	r := gin.New()
	r.GET("/orders", h.ListOrders)
	r.GET("/orders/:id", h.GetOrder)
	r.POST("/orders", h.CreateOrder)
	r.POST("/orders/:id/invoice-email", h.EmailInvoice)
	return r
}

func TestListOrders_Limit(t *testing.T) {
	tests := []struct {
		name       string
		query      string
		wantStatus int
		wantLimit  int
	}{
		{"default", "", http.StatusOK, 50},
		{"explicit", "?limit=10", http.StatusOK, 10},
		{"clamped", "?limit=9999", http.StatusOK, 200},
		{"garbage", "?limit=abc", http.StatusBadRequest, 0},
		{"zero", "?limit=0", http.StatusBadRequest, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			svc := &fakeOrders{}
			w := httptest.NewRecorder()
			newTestRouter(t, svc, nil).ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/orders"+tt.query, nil))
			assert.Equal(t, tt.wantStatus, w.Code)
			assert.Equal(t, tt.wantLimit, svc.lastLimit)
		})
	}
}

func TestGetOrder_NotFound(t *testing.T) {
	w := httptest.NewRecorder()
	newTestRouter(t, &fakeOrders{getErr: service.ErrNotFound}, nil).
		ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/orders/nope", nil))
	require.Equal(t, http.StatusNotFound, w.Code)
}

func TestCreateOrder_Smoke(t *testing.T) {
	svc := &fakeOrders{}
	w := httptest.NewRecorder()
	body := `{"customer_id":"c-1","items":[{"sku":"SKU-1","qty":2,"price_cents":500}]}`
	req := httptest.NewRequest(http.MethodPost, "/orders", strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	newTestRouter(t, svc, nil).ServeHTTP(w, req)
}

func TestCreateOrder_Validation(t *testing.T) {
	w := httptest.NewRecorder()
	req := httptest.NewRequest(http.MethodPost, "/orders", strings.NewReader(`{"items":[]}`))
	req.Header.Set("Content-Type", "application/json")
	newTestRouter(t, &fakeOrders{}, nil).ServeHTTP(w, req)

	var got map[string]string
	require.NoError(t, json.Unmarshal(w.Body.Bytes(), &got))
	assert.Equal(t, http.StatusBadRequest, w.Code)
	assert.Contains(t, got["error"], "CustomerID")
}

func TestEmailInvoice_DisabledIs501(t *testing.T) {
	w := httptest.NewRecorder()
	newTestRouter(t, &fakeOrders{}, &config.Config{MaxPageSize: 200, InvoiceEmailEnabled: false}).
		ServeHTTP(w, httptest.NewRequest(http.MethodPost, "/orders/o-1/invoice-email", nil))
	assert.Equal(t, http.StatusNotImplemented, w.Code)
}
