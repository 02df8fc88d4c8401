package handlers

import (
	"context"
	"errors"
	"log/slog"

	"github.com/gofiber/fiber/v2"

	"github.com/acme/orders-api/internal/middleware"
	"github.com/acme/orders-api/internal/payments"
	"github.com/acme/orders-api/internal/receipts"
	"github.com/acme/orders-api/internal/store"
)

type OrderStore interface {
	ListOrders(ctx context.Context, customerID, status string, limit int) ([]store.Order, error)
	GetOrder(ctx context.Context, customerID, id string) (*store.Order, error)
	CancelOrder(ctx context.Context, customerID, id string) error
	MarkPaid(ctx context.Context, id, paymentRef string) error
	RecordAudit(ctx context.Context, actor, action, subject string) error
}

type Refunder interface {
	Refund(ctx context.Context, r payments.RefundRequest) error
}

type Orders struct {
	Store    OrderStore
	Payments Refunder
	Log      *slog.Logger
}

func (h *Orders) List(c *fiber.Ctx) error {
	claims, err := middleware.ClaimsFrom(c)
	if err != nil {
		return fiber.ErrUnauthorized
	}
	limit := c.QueryInt("limit", 50)
	if limit < 1 || limit > 200 {
		return fiber.NewError(fiber.StatusBadRequest, "limit must be between 1 and 200")
	}
	orders, err := h.Store.ListOrders(c.UserContext(), claims.CustomerID, c.Query("status"), limit)
	if err != nil {
		return err
	}
	return c.JSON(fiber.Map{"orders": orders})
}

func (h *Orders) Receipt(c *fiber.Ctx) error {
	claims, err := middleware.ClaimsFrom(c)
	if err != nil {
		return fiber.ErrUnauthorized
	}
	order, err := h.Store.GetOrder(c.UserContext(), claims.CustomerID, c.Params("id"))
	if errors.Is(err, store.ErrNotFound) {
		return fiber.ErrNotFound
	} else if err != nil {
		return err
	}
	c.Type("html")
	return receipts.Render(c.Response().BodyWriter(), order)
}

func (h *Orders) Cancel(c *fiber.Ctx) error {
	claims, err := middleware.ClaimsFrom(c)
	if err != nil {
		return fiber.ErrUnauthorized
	}
	id := c.Params("id")
	if err := h.Store.CancelOrder(c.UserContext(), claims.CustomerID, id); err != nil {
		if errors.Is(err, store.ErrNotFound) {
			return fiber.NewError(fiber.StatusConflict, "order not found or no longer pending")
		}
		return err
	}
	_ = h.Store.RecordAudit(c.UserContext(), claims.Subject, "order.cancel", id)
	return c.SendStatus(fiber.StatusNoContent)
}

// Export streams all orders of the customer as CSV.
func (h *Orders) Export(c *fiber.Ctx) error {
	panic("TODO: csv export")
}

// Refund is an operator action: refunds a paid order in full.
func (h *Orders) Refund(c *fiber.Ctx) error {
	claims, err := middleware.ClaimsFrom(c)
	if err != nil {
		return fiber.ErrUnauthorized
	}
	var body struct {
		CustomerID string `json:"customer_id"`
		Reason     string `json:"reason"`
	}
	if err := c.BodyParser(&body); err != nil {
		return fiber.NewError(fiber.StatusBadRequest, err.Error())
	}
	order, err := h.Store.GetOrder(c.UserContext(), body.CustomerID, c.Params("id"))
	if err != nil {
		return err
	}
	if err := h.Payments.Refund(c.UserContext(), payments.RefundRequest{
		OrderID: order.ID, AmountCents: order.TotalCents, Reason: body.Reason,
	}); err != nil {
		h.Log.Error("refund failed", "order", order.ID, "err", err)
		return fiber.NewError(fiber.StatusBadGateway, "payment provider rejected refund")
	}
	if err := h.Store.RecordAudit(c.UserContext(), claims.Subject, "order.refund", order.ID); err != nil {
		return err
	}
	return c.SendStatus(fiber.StatusAccepted)
}
