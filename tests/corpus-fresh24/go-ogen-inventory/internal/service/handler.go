package service

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"slices"
	"time"

	ht "github.com/ogen-go/ogen/http"
	"github.com/ogen-go/ogen/ogenerrors"

	"github.com/acme/inventory/api"
	"github.com/acme/inventory/internal/notify"
	"github.com/acme/inventory/internal/store"
)

type Handler struct {
	store  *store.Store
	notify *notify.Webhook
	log    *slog.Logger
}

var _ api.Handler = (*Handler)(nil)

func NewHandler(s *store.Store, n *notify.Webhook, log *slog.Logger) *Handler {
	return &Handler{store: s, notify: n, log: log}
}

func requireRole(ctx context.Context, roles ...string) (Principal, error) {
	p, ok := PrincipalFrom(ctx)
	if !ok {
		return Principal{}, errUnauthenticated
	}
	if !slices.Contains(roles, p.Role) {
		return Principal{}, errForbidden
	}
	return p, nil
}

func toItem(i store.Item) api.Item {
	return api.Item{
		ID: i.ID, Sku: i.SKU, Name: i.Name, WarehouseID: i.WarehouseID,
		Quantity: i.Quantity, ReorderPoint: i.ReorderPoint, UpdatedAt: i.UpdatedAt,
	}
}

func (h *Handler) GetHealth(ctx context.Context) (*api.Health, error) {
	pingCtx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	if err := h.store.Ping(pingCtx); err != nil {
		h.log.WarnContext(ctx, "health: database unreachable", "err", err)
		return &api.Health{Status: "degraded"}, nil
	}
	return &api.Health{Status: "ok"}, nil
}

func (h *Handler) ListItems(ctx context.Context, params api.ListItemsParams) (*api.ItemList, error) {
	items, err := h.store.ListItems(ctx, store.ItemFilter{
		WarehouseID: params.WarehouseId.Or(""),
		Limit:       params.Limit.Or(50),
		Offset:      params.Offset.Or(0),
	})
	if err != nil {
		return nil, err
	}
	out := &api.ItemList{Items: make([]api.Item, 0, len(items)), Total: len(items)}
	for _, i := range items {
		out.Items = append(out.Items, toItem(i))
	}
	return out, nil
}

func (h *Handler) GetItem(ctx context.Context, params api.GetItemParams) (*api.Item, error) {
	item, err := h.store.GetItem(ctx, params.ItemId)
	if err != nil {
		return nil, err
	}
	out := toItem(item)
	return &out, nil
}

func (h *Handler) AdjustStock(ctx context.Context, req *api.AdjustmentRequest, params api.AdjustStockParams) (*api.StockLevel, error) {
	p, err := requireRole(ctx, roleOperator, roleAdmin)
	if err != nil {
		return nil, err
	}
	item, err := h.store.AdjustStock(ctx, params.ItemId, req.Delta)
	if err != nil {
		return nil, err
	}
	h.store.RecordMovement(ctx, store.Movement{ItemID: item.ID, Delta: req.Delta, Reason: req.Reason, Actor: p.Subject})

	if item.Quantity <= item.ReorderPoint {
		if err := h.notify.LowStock(ctx, item.SKU, item.WarehouseID, item.Quantity, item.ReorderPoint); err != nil {
			h.log.ErrorContext(ctx, "low-stock alert failed", "sku", item.SKU, "err", err)
		}
	}
	return &api.StockLevel{ItemID: item.ID, Quantity: item.Quantity, ReorderPoint: item.ReorderPoint}, nil
}

func (h *Handler) ListMovements(ctx context.Context, params api.ListMovementsParams) (*api.MovementList, error) {
	rows, err := h.store.ListMovements(ctx, params.ItemId, params.Since.Or(time.Time{}))
	if err != nil {
		return nil, err
	}
	out := &api.MovementList{Movements: make([]api.Movement, 0, len(rows))}
	for _, m := range rows {
		out.Movements = append(out.Movements, api.Movement{ID: m.ID, Delta: m.Delta, Reason: m.Reason, Actor: m.Actor, At: m.At})
	}
	return out, nil
}

func (h *Handler) IngestScans(ctx context.Context, req *api.ScanBatch) (*api.IngestResult, error) {
	p, err := requireRole(ctx, roleDevice)
	if err != nil {
		return nil, err
	}
	res := &api.IngestResult{Unknown: []string{}}
	for _, scan := range req.Scans {
		ok, err := h.store.ApplyScan(ctx, scan.Sku, scan.Quantity, p.DeviceID)
		if err != nil {
			return nil, err
		}
		if !ok {
			res.Unknown = append(res.Unknown, scan.Sku)
			continue
		}
		res.Applied++
	}
	return res, nil
}

func (h *Handler) CreateWarehouse(ctx context.Context, req *api.NewWarehouse) (*api.Warehouse, error) {
	if _, err := requireRole(ctx, roleAdmin); err != nil {
		return nil, err
	}
	id, err := h.store.CreateWarehouse(ctx, req.Code, req.Name)
	if err != nil {
		return nil, err
	}
	return &api.Warehouse{ID: id, Code: req.Code, Name: req.Name}, nil
}

func (h *Handler) DeleteWarehouse(ctx context.Context, params api.DeleteWarehouseParams) error {
	if err := h.store.DeleteWarehouse(ctx, params.WarehouseId); err != nil {
		return err
	}
	h.log.InfoContext(ctx, "warehouse deleted", "warehouse", params.WarehouseId)
	return nil
}

func (h *Handler) ExportInventory(ctx context.Context, params api.ExportInventoryParams) (*api.ExportJob, error) {
	if _, err := requireRole(ctx, roleAdmin); err != nil {
		return nil, err
	}
	return nil, ht.ErrNotImplemented
}

func (h *Handler) NewError(ctx context.Context, err error) *api.ErrorStatusCode {
	status, code := http.StatusInternalServerError, "internal"
	var decodeErr *ogenerrors.DecodeBodyError
	switch {
	case errors.Is(err, errUnauthenticated):
		status, code = http.StatusUnauthorized, "unauthorized"
	case errors.Is(err, errForbidden):
		status, code = http.StatusForbidden, "forbidden"
	case errors.Is(err, store.ErrNotFound):
		status, code = http.StatusNotFound, "not_found"
	case errors.As(err, &decodeErr):
		status, code = http.StatusBadRequest, "bad_request"
	default:
		h.log.ErrorContext(ctx, "request failed", "err", err)
	}
	return &api.ErrorStatusCode{StatusCode: status, Response: api.Error{Code: code, Message: http.StatusText(status)}}
}
