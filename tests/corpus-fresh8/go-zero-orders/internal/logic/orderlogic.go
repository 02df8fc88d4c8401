package logic

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"

	"github.com/acme-retail/orders-api/internal/model"
	"github.com/acme-retail/orders-api/internal/payment"
	"github.com/acme-retail/orders-api/internal/svc"
	"github.com/acme-retail/orders-api/internal/types"

	"github.com/google/uuid"
	"github.com/zeromicro/go-zero/core/logx"
	"github.com/zeromicro/go-zero/rest/httpx"
)

var errOrderNotFound = httpx.NewCodeError(http.StatusNotFound, "order not found")

type OrderLogic struct {
	logx.Logger
	ctx    context.Context
	svcCtx *svc.ServiceContext
}

func NewOrderLogic(ctx context.Context, svcCtx *svc.ServiceContext) *OrderLogic {
	return &OrderLogic{Logger: logx.WithContext(ctx), ctx: ctx, svcCtx: svcCtx}
}

func (l *OrderLogic) CreateOrder(req *types.CreateOrderReq) (*types.OrderResp, error) {
	var total int64
	for _, it := range req.Items {
		total += it.PriceCts * int64(it.Quantity)
	}
	items, _ := json.Marshal(req.Items)
	o := &model.Order{Id: uuid.NewString(), CustomerId: req.CustomerId, Status: "pending", TotalCts: total, ItemsJSON: string(items)}
	if err := l.svcCtx.Orders.Insert(l.ctx, o); err != nil {
		l.Errorf("insert order for customer %s: %v", req.CustomerId, err)
		return nil, err
	}
	return &types.OrderResp{Id: o.Id, CustomerId: o.CustomerId, Status: o.Status, TotalCts: o.TotalCts, Items: req.Items}, nil
}

func (l *OrderLogic) GetOrder(req *types.GetOrderReq) (*types.OrderResp, error) {
	o, err := l.svcCtx.Orders.FindOne(l.ctx, req.Id)
	if errors.Is(err, model.ErrNotFound) {
		return nil, errOrderNotFound
	}
	if err != nil {
		return nil, err
	}
	resp := &types.OrderResp{Id: o.Id, CustomerId: o.CustomerId, Status: o.Status, TotalCts: o.TotalCts}
	if err := json.Unmarshal([]byte(o.ItemsJSON), &resp.Items); err != nil {
		l.Errorf("corrupt items for order %s: %v", o.Id, err)
		return nil, err
	}
	return resp, nil
}

func (l *OrderLogic) CancelOrder(req *types.CancelOrderReq) error {
	o, err := l.svcCtx.Orders.FindOne(l.ctx, req.Id)
	if errors.Is(err, model.ErrNotFound) {
		return errOrderNotFound
	}
	if err != nil {
		return err
	}
	if o.Status == "paid" {
		if err := l.svcCtx.Payments.Refund(l.ctx, payment.RefundRequest{OrderId: o.Id, AmountCt: o.TotalCts}); err != nil {
			l.Errorf("refund for order %s failed: %v", o.Id, err)
			return err
		}
	}
	_ = l.svcCtx.Orders.Delete(l.ctx, o.Id)
	l.Infof("order %s cancelled: %s", o.Id, req.Reason)
	return nil
}
