package routes

import (
	"net/http"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
)

type occupancyRow struct {
	Venue    string `db:"venue" json:"venue"`
	Bookings int    `db:"bookings" json:"bookings"`
	Hours    int    `db:"hours" json:"hours"`
}

func (h *handlers) refund(e *core.RequestEvent) error {
	booking, err := h.app.FindRecordById("bookings", e.Request.PathValue("id"))
	if err != nil {
		return e.NotFoundError("booking not found", err)
	}
	var body struct {
		AmountCents int64  `json:"amount_cents"`
		Reason      string `json:"reason"`
	}
	if err := e.BindBody(&body); err != nil {
		return e.BadRequestError("invalid body", err)
	}
	if body.AmountCents <= 0 || body.AmountCents > booking.GetInt64("amount_cents") {
		return e.BadRequestError("amount must be between 1 and the paid amount", nil)
	}
	if err := h.pay.Refund(e.Request.Context(), booking.GetString("charge_id"), body.AmountCents); err != nil {
		h.app.Logger().Error("refund failed", "booking", booking.Id, "error", err)
		return e.InternalServerError("refund failed", err)
	}
	booking.Set("refunded_cents", booking.GetInt64("refunded_cents")+body.AmountCents)
	if err := h.app.Save(booking); err != nil {
		return e.InternalServerError("refund issued but booking not updated", err)
	}
	h.app.Logger().Info("refund issued", "booking", booking.Id, "amount", body.AmountCents, "by", e.Auth.Id, "reason", body.Reason)
	return e.JSON(http.StatusOK, booking)
}

func (h *handlers) occupancyReport(e *core.RequestEvent) error {
	from, err := time.Parse("2006-01-02", e.Request.URL.Query().Get("from"))
	if err != nil {
		return e.BadRequestError("from must be YYYY-MM-DD", err)
	}
	var rows []occupancyRow
	err = h.app.DB().NewQuery(`
		SELECT v.name AS venue, COUNT(b.id) AS bookings,
		       COALESCE(SUM((julianday(b.end) - julianday(b.start)) * 24), 0) AS hours
		FROM venues v LEFT JOIN bookings b ON b.venue = v.id AND b.status = 'paid' AND b.start >= {:from}
		GROUP BY v.id ORDER BY v.name`).
		Bind(dbx.Params{"from": from.Format("2006-01-02")}).
		All(&rows)
	if err != nil {
		return e.InternalServerError("report query failed", err)
	}
	return e.JSON(http.StatusOK, rows)
}
