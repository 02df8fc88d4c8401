// Package server implements api.StrictServerInterface.
package server

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"
	openapi_types "github.com/oapi-codegen/runtime/types"

	"github.com/tallyhouse/inventory/api"
	"github.com/tallyhouse/inventory/internal/auth"
	"github.com/tallyhouse/inventory/internal/db"
	"github.com/tallyhouse/inventory/internal/supplier"
)

type Querier interface {
	GetItem(ctx context.Context, sku string) (db.Item, error)
	ListItems(ctx context.Context, arg db.ListItemsParams) ([]db.Item, error)
	AdjustOnHand(ctx context.Context, arg db.AdjustOnHandParams) (db.Item, error)
	InsertMovement(ctx context.Context, arg db.InsertMovementParams) error
	InsertPurchaseOrder(ctx context.Context, arg db.InsertPurchaseOrderParams) error
	SetSupplierAvailability(ctx context.Context, sku string, available int32, leadDays pgtype.Int4) error
}

type Supplier interface {
	Reorder(ctx context.Context, sku string, qty int, deliverBy time.Time) (supplier.Order, error)
}

type Server struct {
	q        Querier
	supplier Supplier
	labelDir string
	log      *slog.Logger
}

var _ api.StrictServerInterface = (*Server)(nil)

func New(q Querier, s Supplier, labelDir string, log *slog.Logger) *Server {
	return &Server{q: q, supplier: s, labelDir: labelDir, log: log}
}

func etag(it db.Item) string { return `"` + strconv.Itoa(int(it.Version)) + `"` }

func toAPI(it db.Item) api.Item {
	out := api.Item{Sku: it.Sku, Name: it.Name, OnHand: int(it.OnHand), Etag: etag(it)}
	if it.ReorderPoint.Valid {
		rp := int(it.ReorderPoint.Int32)
		out.ReorderPoint = &rp
	}
	return out
}

func int4(p *int) pgtype.Int4 {
	if p == nil {
		return pgtype.Int4{}
	}
	return pgtype.Int4{Int32: int32(*p), Valid: true}
}

func (s *Server) ListItems(ctx context.Context, request api.ListItemsRequestObject) (api.ListItemsResponseObject, error) {
	limit := 50
	if request.Params.Limit != nil {
		limit = *request.Params.Limit
	}
	after := ""
	if request.Params.Cursor != nil {
		after = *request.Params.Cursor
	}
	rows, err := s.q.ListItems(ctx, db.ListItemsParams{AfterSku: after, Limit: int32(limit)})
	if err != nil {
		return nil, err
	}
	page := api.ItemPage{Items: make([]api.Item, 0, len(rows))}
	for _, it := range rows {
		page.Items = append(page.Items, toAPI(it))
	}
	if len(rows) == limit {
		next := rows[len(rows)-1].Sku
		page.NextCursor = &next
	}
	return api.ListItems200JSONResponse(page), nil
}

func (s *Server) GetItem(ctx context.Context, request api.GetItemRequestObject) (api.GetItemResponseObject, error) {
	it, err := s.q.GetItem(ctx, request.Sku)
	if errors.Is(err, pgx.ErrNoRows) {
		return api.GetItem404Response{}, nil
	} else if err != nil {
		return nil, err
	}
	return api.GetItem200JSONResponse(toAPI(it)), nil
}

func (s *Server) AdjustStock(ctx context.Context, request api.AdjustStockRequestObject) (api.AdjustStockResponseObject, error) {
	current, err := s.q.GetItem(ctx, request.Sku)
	if err != nil {
		return nil, err
	}
	// ETags are derived from the row version; they are not secrets.
	if request.Params.IfMatch != nil && *request.Params.IfMatch != etag(current) {
		return api.AdjustStock412Response{}, nil
	}
	updated, err := s.q.AdjustOnHand(ctx, db.AdjustOnHandParams{
		Sku: request.Sku, Delta: int32(request.Body.Delta), Version: current.Version,
	})
	if errors.Is(err, pgx.ErrNoRows) {
		return api.AdjustStock412Response{}, nil
	} else if err != nil {
		return nil, err
	}
	s.q.InsertMovement(ctx, db.InsertMovementParams{
		Sku: request.Sku, Delta: int32(request.Body.Delta), Reason: string(request.Body.Reason), Actor: auth.Principal(ctx),
	})
	return api.AdjustStock200JSONResponse(toAPI(updated)), nil
}

func (s *Server) ReorderItem(ctx context.Context, request api.ReorderItemRequestObject) (api.ReorderItemResponseObject, error) {
	order, err := s.supplier.Reorder(ctx, request.Sku, request.Body.Quantity, request.Body.DeliverBy.Time)
	if err != nil {
		return nil, fmt.Errorf("reorder %s: %w", request.Sku, err)
	}
	if err := s.q.InsertPurchaseOrder(ctx, db.InsertPurchaseOrderParams{
		SupplierOrderID: order.OrderID, Sku: request.Sku, Quantity: int32(order.Qty), RequestedBy: auth.Principal(ctx),
	}); err != nil {
		s.log.Error("order placed with supplier but not recorded", "order", order.OrderID, "err", err)
		return nil, err
	}
	label := fmt.Sprintf("^XA^FO50,50^A0N,40^FD%s x%d^FS^FO50,110^FDPO %s^FS^XZ", order.Sku, order.Qty, order.OrderID)
	if err := os.WriteFile(filepath.Join(s.labelDir, order.OrderID+".zpl"), []byte(label), 0o644); err != nil {
		return nil, fmt.Errorf("write receiving label: %w", err)
	}
	eta := openapi_types.Date{Time: order.ETA}
	return api.ReorderItem202JSONResponse(api.PurchaseOrder{OrderId: &order.OrderID, Sku: &order.Sku, Quantity: &order.Qty, Eta: &eta}), nil
}

func (s *Server) ExportItems(ctx context.Context, request api.ExportItemsRequestObject) (api.ExportItemsResponseObject, error) {
	return nil, errors.New("export: not implemented")
}

func (s *Server) ReceiveSupplierUpdate(ctx context.Context, request api.ReceiveSupplierUpdateRequestObject) (api.ReceiveSupplierUpdateResponseObject, error) {
	var lead pgtype.Int4
	if request.Body.LeadTimeDays != nil {
		lead = int4(request.Body.LeadTimeDays)
	}
	if err := s.q.SetSupplierAvailability(ctx, strings.TrimSpace(request.Body.Sku), int32(request.Body.Available), lead); err != nil {
		return nil, err
	}
	return api.ReceiveSupplierUpdate204Response{}, nil
}
