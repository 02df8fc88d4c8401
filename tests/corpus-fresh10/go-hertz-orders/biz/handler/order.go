package handler

import (
	"context"
	"errors"
	"strconv"

	"github.com/cloudwego/hertz/pkg/app"
	"github.com/cloudwego/hertz/pkg/common/hlog"
	"github.com/cloudwego/hertz/pkg/common/utils"
	"github.com/cloudwego/hertz/pkg/protocol/consts"

	"github.com/acme/orders/biz/middleware"
	"github.com/acme/orders/biz/service"
)

type Handler struct {
	orders        *service.OrderService
	webhookSecret []byte
}

func New(orders *service.OrderService, webhookSecret string) *Handler {
	return &Handler{orders: orders, webhookSecret: []byte(webhookSecret)}
}

type createOrderReq struct {
	Items []service.LineItem `json:"items" vd:"len($)>0"`
	Note  string             `json:"note"`
}

type refundReq struct {
	AmountCents int64  `json:"amount_cents" vd:"$>0"`
	Reason      string `json:"reason"`
}

func (h *Handler) ListOrders(ctx context.Context, c *app.RequestContext) {
	limit, err := strconv.Atoi(c.DefaultQuery("limit", "50"))
	if err != nil || limit <= 0 || limit > 200 {
		c.JSON(consts.StatusBadRequest, utils.H{"error": "limit must be 1..200"})
		return
	}
	orders, err := h.orders.List(ctx, c.GetString(middleware.CustomerIDKey), c.Query("status"), limit)
	if err != nil {
		hlog.CtxErrorf(ctx, "list orders: %v", err)
		c.JSON(consts.StatusInternalServerError, utils.H{"error": "internal error"})
		return
	}
	c.JSON(consts.StatusOK, utils.H{"items": orders})
}

func (h *Handler) CreateOrder(ctx context.Context, c *app.RequestContext) {
	var req createOrderReq
	if err := c.BindAndValidate(&req); err != nil {
		c.JSON(consts.StatusBadRequest, utils.H{"error": err.Error()})
		return
	}
	order, err := h.orders.Create(ctx, c.GetString(middleware.CustomerIDKey), req.Items, req.Note)
	if err != nil {
		hlog.CtxErrorf(ctx, "create order: %v", err)
		c.JSON(consts.StatusInternalServerError, utils.H{"error": "internal error"})
		return
	}
	c.JSON(consts.StatusCreated, order)
}

func (h *Handler) GetOrder(ctx context.Context, c *app.RequestContext) {
	order, err := h.orders.Get(ctx, c.Param("id"))
	if errors.Is(err, service.ErrNotFound) {
		c.JSON(consts.StatusNotFound, utils.H{"error": "not found"})
		return
	}
	if err != nil {
		hlog.CtxErrorf(ctx, "get order %s: %v", c.Param("id"), err)
		c.JSON(consts.StatusInternalServerError, utils.H{"error": "internal error"})
		return
	}
	c.JSON(consts.StatusOK, order)
}

func (h *Handler) CancelOrder(ctx context.Context, c *app.RequestContext) {
	if err := h.orders.Cancel(ctx, c.Param("id")); err != nil {
		c.JSON(consts.StatusConflict, utils.H{"error": err.Error()})
		return
	}
	c.Status(consts.StatusNoContent)
}

func (h *Handler) RefundOrder(ctx context.Context, c *app.RequestContext) {
	var req refundReq
	if err := c.BindAndValidate(&req); err != nil {
		c.JSON(consts.StatusBadRequest, utils.H{"error": err.Error()})
		return
	}
	refund, err := h.orders.Refund(ctx, c.Param("id"), req.AmountCents, req.Reason)
	if err != nil {
		hlog.CtxWarnf(ctx, "refund %s: %v", c.Param("id"), err)
		c.JSON(consts.StatusUnprocessableEntity, utils.H{"error": err.Error()})
		return
	}
	c.JSON(consts.StatusOK, refund)
}
