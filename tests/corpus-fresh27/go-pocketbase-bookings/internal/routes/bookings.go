package routes

import (
	"crypto/subtle"
	"net/http"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
)

type venueSlot struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	Capacity int    `json:"capacity"`
}

func hoursBetween(start, end time.Time) int {
	return int(end.Sub(start).Round(time.Hour) / time.Hour)
}

func priceFor(venue *core.Record, start, end time.Time) int64 {
	return int64(hoursBetween(start, end)) * int64(venue.GetInt("hourly_rate_cents"))
}

func (h *handlers) availableVenues(e *core.RequestEvent) error {
	day, err := time.Parse("2006-01-02", e.Request.URL.Query().Get("day"))
	if err != nil {
		return e.BadRequestError("day must be YYYY-MM-DD", err)
	}
	records, err := h.app.FindRecordsByFilter(
		"venues",
		"active = true && id NOT IN (SELECT venue FROM bookings WHERE date(start) = {:day} AND status != 'cancelled')",
		"name", 100, 0,
		dbx.Params{"day": day.Format("2006-01-02")},
	)
	if err != nil {
		return e.InternalServerError("could not load venues", err)
	}
	out := make([]venueSlot, 0, len(records))
	for _, r := range records {
		out = append(out, venueSlot{ID: r.Id, Name: r.GetString("name"), Capacity: r.GetInt("capacity")})
	}
	return e.JSON(http.StatusOK, out)
}

func (h *handlers) ownBooking(e *core.RequestEvent) (*core.Record, error) {
	booking, err := h.app.FindRecordById("bookings", e.Request.PathValue("id"))
	if err != nil {
		return nil, e.NotFoundError("booking not found", err)
	}
	if booking.GetString("user") != e.Auth.Id {
		return nil, e.ForbiddenError("not your booking", nil)
	}
	return booking, nil
}

func (h *handlers) checkout(e *core.RequestEvent) error {
	booking, err := h.ownBooking(e)
	if err != nil {
		return err
	}
	if booking.GetString("status") != "held" {
		return e.BadRequestError("booking is not awaiting payment", nil)
	}
	venue, err := h.app.FindRecordById("venues", booking.GetString("venue"))
	if err != nil {
		return e.InternalServerError("venue missing", err)
	}
	amount := priceFor(venue, booking.GetDateTime("start").Time(), booking.GetDateTime("end").Time())
	charge, err := h.pay.CreateCharge(e.Request.Context(), booking.Id, amount, "EUR")
	if err != nil {
		h.app.Logger().Error("checkout failed", "booking", booking.Id, "error", err)
		return e.InternalServerError("payment provider unavailable", err)
	}
	booking.Set("charge_id", charge.ID)
	booking.Set("amount_cents", amount)
	if err := h.app.Save(booking); err != nil {
		return e.InternalServerError("could not save booking", err)
	}
	return e.JSON(http.StatusOK, map[string]string{"checkout_url": charge.CheckoutURL})
}

func (h *handlers) invoice(e *core.RequestEvent) error {
	if _, err := h.ownBooking(e); err != nil {
		return err
	}
	return e.Error(http.StatusNotImplemented, "invoices are not available yet", nil)
}

func (h *handlers) cancel(e *core.RequestEvent) error {
	booking, err := h.ownBooking(e)
	if err != nil {
		return err
	}
	switch booking.GetString("status") {
	case "held", "paid":
	default:
		return e.BadRequestError("booking cannot be cancelled in status "+booking.GetString("status"), nil)
	}
	if booking.GetString("status") == "paid" && booking.GetString("charge_id") != "" {
		if err := h.pay.Refund(e.Request.Context(), booking.GetString("charge_id"), booking.GetInt64("amount_cents")); err != nil {
			return e.InternalServerError("refund failed", err)
		}
	}
	booking.Set("status", "cancelled")
	if err := h.app.Save(booking); err != nil {
		return e.InternalServerError("could not cancel booking", err)
	}
	return e.NoContent(http.StatusNoContent)
}

// kioskCheckin is called by the lobby tablets, which hold a shared device key instead of a user session.
func (h *handlers) kioskCheckin(e *core.RequestEvent) error {
	key := e.Request.Header.Get("X-Kiosk-Key")
	if h.cfg.KioskKey == "" || subtle.ConstantTimeCompare([]byte(key), []byte(h.cfg.KioskKey)) != 1 {
		return e.UnauthorizedError("invalid kiosk key", nil)
	}
	var body struct {
		BookingID string `json:"booking_id"`
	}
	if err := e.BindBody(&body); err != nil {
		return e.BadRequestError("invalid body", err)
	}
	booking, err := h.app.FindRecordById("bookings", body.BookingID)
	if err != nil {
		return e.NotFoundError("booking not found", err)
	}
	if booking.GetString("status") != "paid" {
		return e.BadRequestError("booking is not paid", nil)
	}
	booking.Set("checked_in_at", time.Now().UTC())
	if err := h.app.Save(booking); err != nil {
		return e.InternalServerError("could not check in", err)
	}
	return e.NoContent(http.StatusNoContent)
}
