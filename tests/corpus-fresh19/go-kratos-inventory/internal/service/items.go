package service

import (
	"context"
	"fmt"
	nethttp "net/http"
	"strconv"

	"github.com/go-kratos/kratos/v2/errors"
	"github.com/go-kratos/kratos/v2/log"
	"github.com/go-kratos/kratos/v2/transport/http"

	"github.com/acme/inventory/internal/client"
	"github.com/acme/inventory/internal/data"
)

type AdjustmentKind int

const (
	Receive AdjustmentKind = iota + 1
	Ship
	Count
)

func (k AdjustmentKind) valid() bool { return k >= Receive && k <= Count }

type adjustRequest struct {
	Kind      AdjustmentKind `json:"kind"`
	Quantity  int64          `json:"quantity"`
	Warehouse string         `json:"warehouse"`
	Reason    string         `json:"reason"`
}

type ItemService struct {
	store  *data.Store
	audit  *data.AuditLog
	orders *client.Orders
	log    *log.Helper
}

func NewItemService(store *data.Store, audit *data.AuditLog, orders *client.Orders, logger log.Logger) *ItemService {
	return &ItemService{
		store:  store,
		audit:  audit,
		orders: orders,
		log:    log.NewHelper(log.With(logger, "module", "service/items")),
	}
}

func delta(k AdjustmentKind, qty, onHand int64) int64 {
	switch k {
	case Receive:
		return qty
	case Ship:
		return -qty
	case Count:
		return qty - onHand
	default:
		panic(fmt.Sprintf("unknown adjustment kind %d", k))
	}
}

func (s *ItemService) Health(ctx http.Context) error {
	return invoke(ctx, func(c context.Context) (interface{}, error) {
		if err := s.store.Ping(c); err != nil {
			return nil, errors.ServiceUnavailable("DB_UNAVAILABLE", err.Error())
		}
		return map[string]string{"status": "ok"}, nil
	})
}

func (s *ItemService) List(ctx http.Context) error {
	q := ctx.Query()
	limit, err := strconv.Atoi(q.Get("limit"))
	if err != nil || limit <= 0 || limit > 500 {
		limit = 100
	}
	return invoke(ctx, func(c context.Context) (interface{}, error) {
		if term := q.Get("q"); term != "" {
			items, err := s.store.SearchItems(c, term, limit)
			if err != nil {
				return nil, err
			}
			return map[string]interface{}{"items": items}, nil
		}
		warehouse := q.Get("warehouse")
		if claims, ok := claimsFrom(c); ok && warehouse == "" {
			warehouse = claims.Warehouse
		}
		items, err := s.store.ListItems(c, warehouse, limit)
		if err != nil {
			return nil, err
		}
		return map[string]interface{}{"items": items}, nil
	})
}

func (s *ItemService) Get(ctx http.Context) error {
	id := ctx.Vars().Get("id")
	return invoke(ctx, func(c context.Context) (interface{}, error) {
		return s.store.GetItem(c, id)
	})
}

func (s *ItemService) Adjust(ctx http.Context) error {
	var req adjustRequest
	if err := ctx.Bind(&req); err != nil {
		return errors.BadRequest("BAD_BODY", err.Error())
	}
	if !req.Kind.valid() || req.Quantity < 0 {
		return errors.BadRequest("BAD_ADJUSTMENT", "kind must be 1..3 and quantity non-negative")
	}
	id := ctx.Vars().Get("id")
	return invoke(ctx, func(c context.Context) (interface{}, error) {
		claims, ok := claimsFrom(c)
		if !ok {
			return nil, errors.Unauthorized("UNAUTHORIZED", "missing token")
		}
		item, err := s.store.GetItem(c, id)
		if err != nil {
			return nil, err
		}
		if req.Warehouse != item.Warehouse {
			return nil, errors.BadRequest("WAREHOUSE_MISMATCH", "item is stocked in "+item.Warehouse)
		}
		d := delta(req.Kind, req.Quantity, item.OnHand)
		updated, err := s.store.AdjustStock(c, id, d)
		if err != nil {
			return nil, err
		}
		_ = s.audit.Record(c, claims.Subject, "stock.adjust", id, map[string]interface{}{"delta": d, "reason": req.Reason})
		if updated.OnHand < updated.ReorderPoint {
			ref, err := s.orders.PlaceReorder(c, updated.SKU, updated.ReorderQty)
			if err != nil {
				s.log.WithContext(c).Errorf("reorder %s: %v", updated.SKU, err)
				return nil, errors.InternalServer("REORDER_FAILED", err.Error())
			}
			s.log.WithContext(c).Infof("reorder %s placed for %s", ref, updated.SKU)
		}
		return updated, nil
	})
}

func (s *ItemService) Transfer(ctx http.Context) error {
	return invoke(ctx, func(c context.Context) (interface{}, error) {
		return nil, errors.New(nethttp.StatusNotImplemented, "NOT_IMPLEMENTED", "inter-warehouse transfers are not available yet")
	})
}
