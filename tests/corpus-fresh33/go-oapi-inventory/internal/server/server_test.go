package server

import (
	"context"
	"io"
	"log/slog"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgtype"
	openapi_types "github.com/oapi-codegen/runtime/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/mock"
	"github.com/stretchr/testify/require"

	"github.com/tallyhouse/inventory/api"
	"github.com/tallyhouse/inventory/internal/db"
	"github.com/tallyhouse/inventory/internal/supplier"
)

type mockQ struct{ mock.Mock }

func (m *mockQ) GetItem(ctx context.Context, sku string) (db.Item, error) {
	args := m.Called(ctx, sku)
	return args.Get(0).(db.Item), args.Error(1)
}
func (m *mockQ) ListItems(ctx context.Context, arg db.ListItemsParams) ([]db.Item, error) {
	args := m.Called(ctx, arg)
	return args.Get(0).([]db.Item), args.Error(1)
}
func (m *mockQ) AdjustOnHand(ctx context.Context, arg db.AdjustOnHandParams) (db.Item, error) {
	args := m.Called(ctx, arg)
	return args.Get(0).(db.Item), args.Error(1)
}
func (m *mockQ) InsertMovement(ctx context.Context, arg db.InsertMovementParams) error {
	return m.Called(ctx, arg).Error(0)
}
func (m *mockQ) InsertPurchaseOrder(ctx context.Context, arg db.InsertPurchaseOrderParams) error {
	return m.Called(ctx, arg).Error(0)
}
func (m *mockQ) SetSupplierAvailability(ctx context.Context, sku string, available int32, lead pgtype.Int4) error {
	return m.Called(ctx, sku, available, lead).Error(0)
}

type mockSupplier struct{ mock.Mock }

func (m *mockSupplier) Reorder(ctx context.Context, sku string, qty int, by time.Time) (supplier.Order, error) {
	args := m.Called(ctx, sku, qty, by)
	return args.Get(0).(supplier.Order), args.Error(1)
}

func newServer(t *testing.T, q *mockQ, s *mockSupplier) *Server {
	return New(q, s, t.TempDir(), slog.New(slog.NewTextHandler(io.Discard, nil)))
}

func TestAdjustStockRejectsStaleETag(t *testing.T) {
	q := &mockQ{}
	q.On("GetItem", mock.Anything, "BOLT-8").Return(db.Item{Sku: "BOLT-8", Version: 7}, nil)
	stale := `"6"`
	resp, err := newServer(t, q, nil).AdjustStock(context.Background(), api.AdjustStockRequestObject{
		Sku: "BOLT-8", Params: api.AdjustStockParams{IfMatch: &stale}, Body: &api.Adjustment{Delta: -2, Reason: api.Damage},
	})
	require.NoError(t, err)
	assert.IsType(t, api.AdjustStock412Response{}, resp)
	q.AssertNotCalled(t, "AdjustOnHand", mock.Anything, mock.Anything)
}

func TestListItems_Pagination(t *testing.T) {
	q := &mockQ{}
	q.On("ListItems", mock.Anything, db.ListItemsParams{AfterSku: "", Limit: 2}).
		Return([]db.Item{{Sku: "A"}, {Sku: "B"}}, nil)
	limit := 2
	newServer(t, q, nil).ListItems(context.Background(), api.ListItemsRequestObject{Params: api.ListItemsParams{Limit: &limit}})
}

func TestReorderRecordsPurchaseOrder(t *testing.T) {
	q, sup := &mockQ{}, &mockSupplier{}
	by := time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)
	sup.On("Reorder", mock.Anything, "BOLT-8", 500, by).
		Return(supplier.Order{OrderID: "PO-77", Sku: "BOLT-8", Qty: 500, ETA: by}, nil)
	q.On("InsertPurchaseOrder", mock.Anything, mock.MatchedBy(func(p db.InsertPurchaseOrderParams) bool {
		return p.SupplierOrderID == "PO-77" && p.Quantity == 500
	})).Return(nil)

	_, err := newServer(t, q, sup).ReorderItem(context.Background(), api.ReorderItemRequestObject{
		Sku: "BOLT-8", Body: &api.ReorderRequest{Quantity: 500, DeliverBy: openapi_types.Date{Time: by}},
	})
	require.NoError(t, err)
	q.AssertExpectations(t)
	sup.AssertExpectations(t)
}
