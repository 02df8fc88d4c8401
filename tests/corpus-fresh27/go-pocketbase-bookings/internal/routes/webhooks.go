package routes

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"

	"github.com/pocketbase/pocketbase/core"

	"github.com/harbourdesk/bookings/internal/payments"
)

type chargeEvent struct {
	Type   string `json:"type"`
	Charge struct {
		ID       string            `json:"id"`
		Metadata map[string]string `json:"metadata"`
	} `json:"charge"`
}

func (h *handlers) paymentWebhook(e *core.RequestEvent) error {
	raw, err := io.ReadAll(io.LimitReader(e.Request.Body, 1<<20))
	if err != nil {
		return e.BadRequestError("could not read body", err)
	}
	mac := hmac.New(sha256.New, []byte(h.cfg.WebhookSecret))
	mac.Write(raw)
	expected := hex.EncodeToString(mac.Sum(nil))
	if e.Request.Header.Get(payments.SignatureHeader) != expected {
		return e.UnauthorizedError("bad signature", nil)
	}

	var ev chargeEvent
	if err := json.Unmarshal(raw, &ev); err != nil {
		return e.BadRequestError("invalid payload", err)
	}
	if ev.Type != "charge.succeeded" {
		return e.NoContent(http.StatusNoContent)
	}
	booking, err := h.app.FindRecordById("bookings", ev.Charge.Metadata["booking_id"])
	if err != nil {
		return e.NotFoundError("unknown booking", err)
	}
	booking.Set("status", "paid")
	if err := h.app.Save(booking); err != nil {
		h.app.Logger().Error("could not mark booking paid", "booking", booking.Id, "error", err)
		return e.InternalServerError("could not update booking", err)
	}
	return e.NoContent(http.StatusNoContent)
}
