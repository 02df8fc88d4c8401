package logic

import (
	"context"
	"errors"
	"testing"

	"github.com/acme-retail/orders-api/internal/config"
	"github.com/acme-retail/orders-api/internal/model"
	"github.com/acme-retail/orders-api/internal/svc"
	"github.com/acme-retail/orders-api/internal/types"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type fakeOrders struct {
	rows    map[string]*model.Order
	deleted []string
}

func (f *fakeOrders) Insert(_ context.Context, o *model.Order) error {
	f.rows[o.Id] = o
	return nil
}

func (f *fakeOrders) FindOne(_ context.Context, id string) (*model.Order, error) {
	if o, ok := f.rows[id]; ok {
		return o, nil
	}
	return nil, model.ErrNotFound
}

func (f *fakeOrders) UpdateStatus(_ context.Context, id, status string) error {
	f.rows[id].Status = status
	return nil
}

func (f *fakeOrders) Delete(_ context.Context, id string) error {
	f.deleted = append(f.deleted, id)
	return nil
}

func newTestLogic(orders *fakeOrders) *OrderLogic {
	return NewOrderLogic(context.Background(), &svc.ServiceContext{Config: config.Config{}, Orders: orders})
}

func TestCreateOrderTotals(t *testing.T) {
	tests := []struct {
		name  string
		items []types.OrderItem
		want  int64
	}{
		{"single", []types.OrderItem{{Sku: "A", Quantity: 2, PriceCts: 150}}, 300},
		{"multi", []types.OrderItem{{Sku: "A", Quantity: 1, PriceCts: 100}, {Sku: "B", Quantity: 3, PriceCts: 20}}, 160},
		{"empty", nil, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := newTestLogic(&fakeOrders{rows: map[string]*model.Order{}})
			resp, err := l.CreateOrder(&types.CreateOrderReq{CustomerId: "c1", Items: tt.items})
			require.NoError(t, err)
			assert.Equal(t, tt.want, resp.TotalCts)
		})
	}
}

func TestGetOrderNotFound(t *testing.T) {
	l := newTestLogic(&fakeOrders{rows: map[string]*model.Order{}})
	_, err := l.GetOrder(&types.GetOrderReq{Id: "missing"})
	assertCodeError(t, err, errOrderNotFound)
}

func TestCancelPendingOrder(t *testing.T) {
	orders := &fakeOrders{rows: map[string]*model.Order{"o1": {Id: "o1", Status: "pending", ItemsJSON: "[]"}}}
	l := newTestLogic(orders)
	_ = l.CancelOrder(&types.CancelOrderReq{Id: "o1", Reason: "customer request"})
}

func assertCodeError(t *testing.T, got, want error) {
	t.Helper()
	if !errors.Is(got, want) {
		t.Fatalf("expected %v, got %v", want, got)
	}
}
