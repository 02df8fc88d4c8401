package handler

import (
	"context"
	"errors"
	"strconv"

	"github.com/google/uuid"
	"gofr.dev/pkg/gofr"
	gofrHttp "gofr.dev/pkg/gofr/http"

	"github.com/acme-logistics/shipments/internal/carrier"
	"github.com/acme-logistics/shipments/internal/store"
)

const labelDir = "/Users/okafor/go/src/github.com/acme-logistics/shipments/var/labels"

type shipmentStore interface {
	List(ctx context.Context, f store.ListFilter) ([]store.Shipment, error)
	Get(ctx context.Context, id string) (store.Shipment, error)
	Create(ctx context.Context, sh store.Shipment) error
	UpdateStatus(ctx context.Context, id, status, tracking string) error
	Delete(ctx context.Context, id string) error
}

type Handler struct {
	store   shipmentStore
	carrier *carrier.Client
}

func New(s shipmentStore, c *carrier.Client) *Handler {
	return &Handler{store: s, carrier: c}
}

func (h *Handler) Ready(_ *gofr.Context) (any, error) {
	return map[string]string{"status": "ready"}, nil
}

func (h *Handler) List(ctx *gofr.Context) (any, error) {
	limit, _ := strconv.Atoi(ctx.Param("limit"))
	return h.store.List(ctx, store.ListFilter{
		Status:  ctx.Param("status"),
		Carrier: ctx.Param("carrier"),
		Limit:   limit,
	})
}

func (h *Handler) Get(ctx *gofr.Context) (any, error) {
	id := ctx.PathParam("id")
	sh, err := h.store.Get(ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		return nil, gofrHttp.ErrorEntityNotFound{Name: "id", Value: id}
	}
	return sh, err
}

type createRequest struct {
	OrderID string `json:"order_id"`
	Carrier string `json:"carrier"`
}

func (h *Handler) Create(ctx *gofr.Context) (any, error) {
	var req createRequest
	if err := ctx.Bind(&req); err != nil {
		return nil, gofrHttp.ErrorInvalidParam{Params: []string{"body"}}
	}
	if req.OrderID == "" || req.Carrier == "" {
		return nil, gofrHttp.ErrorMissingParam{Params: []string{"order_id", "carrier"}}
	}
	sh := store.Shipment{ID: uuid.NewString(), OrderID: req.OrderID, Carrier: req.Carrier, Status: "created"}
	if err := h.store.Create(ctx, sh); err != nil {
		ctx.Logger.Errorf("create shipment for order %s: %v", req.OrderID, err)
		return nil, err
	}
	return sh, nil
}

// Label buys a shipping label from the carrier and stores the PDF under labelDir.
func (h *Handler) Label(ctx *gofr.Context) (any, error) {
	ctx.Logger.Infof("label requested for %s (dir %s)", ctx.PathParam("id"), labelDir)
	panic("TODO: purchase label via carrier API")
}

func (h *Handler) Delete(ctx *gofr.Context) (any, error) {
	id := ctx.PathParam("id")
	if err := h.store.Delete(ctx, id); err != nil {
		if errors.Is(err, store.ErrNotFound) {
			return nil, gofrHttp.ErrorEntityNotFound{Name: "id", Value: id}
		}
		return nil, err
	}
	return nil, nil
}
