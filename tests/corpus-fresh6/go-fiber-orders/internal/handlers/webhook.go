package handlers

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"log/slog"

	"github.com/gofiber/fiber/v2"
)

type PaymentWebhook struct {
	Store  OrderStore
	Secret []byte
	Log    *slog.Logger
}

type paymentEvent struct {
	Type       string `json:"type"`
	OrderID    string `json:"order_id"`
	PaymentRef string `json:"payment_ref"`
}

func (w *PaymentWebhook) Handle(c *fiber.Ctx) error {
	sig, err := hex.DecodeString(c.Get("X-Payments-Signature"))
	if err != nil {
		return fiber.NewError(fiber.StatusBadRequest, "malformed signature")
	}
	mac := hmac.New(sha256.New, w.Secret)
	mac.Write(c.Body())
	if !hmac.Equal(sig, mac.Sum(nil)) {
		w.Log.Warn("payments webhook signature mismatch", "ip", c.IP())
		return fiber.ErrUnauthorized
	}

	var ev paymentEvent
	if err := json.Unmarshal(c.Body(), &ev); err != nil {
		return fiber.NewError(fiber.StatusBadRequest, "invalid payload")
	}
	if ev.Type != "payment.succeeded" {
		return c.SendStatus(fiber.StatusNoContent)
	}
	if err := w.Store.MarkPaid(c.UserContext(), ev.OrderID, ev.PaymentRef); err != nil {
		w.Log.Error("mark paid failed", "order", ev.OrderID, "err", err)
		return fiber.ErrInternalServerError
	}
	return c.SendStatus(fiber.StatusNoContent)
}
