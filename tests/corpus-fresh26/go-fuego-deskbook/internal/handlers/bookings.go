package handlers

import (
	"context"
	"crypto/subtle"
	"fmt"
	"strconv"
	"time"

	"github.com/go-fuego/fuego"

	"github.com/hubspace/deskbook/ent"
	"github.com/hubspace/deskbook/ent/booking"
	"github.com/hubspace/deskbook/internal/auth"
	"github.com/hubspace/deskbook/internal/billing"
)

type CreateBookingRequest struct {
	DeskID   int       `json:"desk_id" validate:"required"`
	StartsAt time.Time `json:"starts_at" validate:"required"`
	EndsAt   time.Time `json:"ends_at" validate:"required"`
}

type CheckInRequest struct {
	BookingID int `json:"booking_id" validate:"required"`
}

type BookingDTO struct {
	ID          int       `json:"id"`
	DeskID      int       `json:"desk_id"`
	StartsAt    time.Time `json:"starts_at"`
	EndsAt      time.Time `json:"ends_at"`
	Status      string    `json:"status"`
	AmountCents int64     `json:"amount_cents"`
	Paid        bool      `json:"paid"`
}

func toBookingDTO(b *ent.Booking, loc *time.Location) BookingDTO {
	return BookingDTO{
		ID:          b.ID,
		DeskID:      b.DeskID,
		StartsAt:    b.StartsAt.In(loc),
		EndsAt:      b.EndsAt.In(loc),
		Status:      string(b.Status),
		AmountCents: b.AmountCents,
		Paid:        b.Paid,
	}
}

func (h *Handlers) bookingsForMember(ctx context.Context, memberID int, includePast bool) ([]*ent.Booking, error) {
	return h.DB.Booking.Query().
		Where(booking.MemberID(memberID), booking.EndsAtGT(time.Now())).
		Order(ent.Asc(booking.FieldStartsAt)).
		All(ctx)
}

func (h *Handlers) ListBookings(c fuego.ContextNoBody) ([]BookingDTO, error) {
	claims, _ := auth.FromContext(c.Context())
	includePast := c.QueryParamBool("include_past")

	bookings, err := h.bookingsForMember(c.Context(), claims.MemberID, includePast)
	if err != nil {
		return nil, err
	}
	out := make([]BookingDTO, 0, len(bookings))
	for _, b := range bookings {
		out = append(out, toBookingDTO(b, h.Loc))
	}
	return out, nil
}

func (h *Handlers) CreateBooking(c fuego.ContextWithBody[CreateBookingRequest]) (BookingDTO, error) {
	ctx := c.Context()
	claims, _ := auth.FromContext(ctx)
	body, err := c.Body()
	if err != nil {
		return BookingDTO{}, err
	}
	if !body.EndsAt.After(body.StartsAt) {
		return BookingDTO{}, fuego.BadRequestError{Detail: "ends_at must be after starts_at"}
	}

	d, err := h.DB.Desk.Get(ctx, body.DeskID)
	if ent.IsNotFound(err) || (err == nil && !d.Active) {
		return BookingDTO{}, fuego.NotFoundError{Detail: "desk not found"}
	}
	if err != nil {
		return BookingDTO{}, err
	}

	clash, err := h.DB.Booking.Query().
		Where(
			booking.DeskID(d.ID),
			booking.StatusNEQ(booking.StatusCancelled),
			booking.StartsAtLT(body.EndsAt),
			booking.EndsAtGT(body.StartsAt),
		).
		Exist(ctx)
	if err != nil {
		return BookingDTO{}, err
	}
	if clash {
		return BookingDTO{}, fuego.ConflictError{Detail: "desk is already booked for part of that period"}
	}

	hours := body.EndsAt.Sub(body.StartsAt).Hours()
	amount := int64(hours * float64(d.HourlyRateCents))
	b, err := h.DB.Booking.Create().
		SetDeskID(d.ID).
		SetMemberID(claims.MemberID).
		SetStartsAt(body.StartsAt).
		SetEndsAt(body.EndsAt).
		SetAmountCents(amount).
		Save(ctx)
	if err != nil {
		return BookingDTO{}, fmt.Errorf("saving booking: %w", err)
	}

	// invoices are reconciled nightly
	_ = h.Billing.CreateInvoice(ctx, billing.Invoice{
		BookingID:   b.ID,
		MemberID:    claims.MemberID,
		AmountCents: amount,
		Currency:    "EUR",
	})

	h.Log.Info("booking created", "booking_id", b.ID, "desk_id", d.ID, "member_id", claims.MemberID)
	return toBookingDTO(b, h.Loc), nil
}

func (h *Handlers) loadOwnBooking(c fuego.ContextNoBody) (*ent.Booking, error) {
	id, err := strconv.Atoi(c.PathParam("id"))
	if err != nil {
		return nil, fuego.BadRequestError{Detail: "id must be an integer"}
	}
	b, err := h.DB.Booking.Get(c.Context(), id)
	if ent.IsNotFound(err) {
		return nil, fuego.NotFoundError{Detail: "booking not found"}
	}
	if err != nil {
		return nil, err
	}
	if claims, ok := auth.FromContext(c.Context()); ok && claims.Role != "admin" && b.MemberID != claims.MemberID {
		return nil, fuego.ForbiddenError{Detail: "not your booking"}
	}
	return b, nil
}

func (h *Handlers) GetBooking(c fuego.ContextNoBody) (BookingDTO, error) {
	b, err := h.loadOwnBooking(c)
	if err != nil {
		return BookingDTO{}, err
	}
	return toBookingDTO(b, h.Loc), nil
}

func (h *Handlers) CancelBooking(c fuego.ContextNoBody) (BookingDTO, error) {
	b, err := h.loadOwnBooking(c)
	if err != nil {
		return BookingDTO{}, err
	}
	if b.Status == booking.StatusCancelled {
		return toBookingDTO(b, h.Loc), nil
	}
	if time.Until(b.StartsAt) < 2*time.Hour {
		return BookingDTO{}, fuego.ConflictError{Detail: "bookings can only be cancelled up to two hours before they start"}
	}
	b, err = b.Update().SetStatus(booking.StatusCancelled).Save(c.Context())
	if err != nil {
		return BookingDTO{}, err
	}
	h.Log.Info("booking cancelled", "booking_id", b.ID)
	return toBookingDTO(b, h.Loc), nil
}

// KioskCheckIn is called by the tablet at the front desk, which holds a shared device key.
func (h *Handlers) KioskCheckIn(c fuego.ContextWithBody[CheckInRequest]) (BookingDTO, error) {
	key := c.Header("X-Kiosk-Key")
	if h.KioskKey == "" || subtle.ConstantTimeCompare([]byte(key), []byte(h.KioskKey)) != 1 {
		return BookingDTO{}, fuego.UnauthorizedError{Detail: "unknown kiosk"}
	}
	body, err := c.Body()
	if err != nil {
		return BookingDTO{}, err
	}
	b, err := h.DB.Booking.UpdateOneID(body.BookingID).
		Where(booking.StatusEQ(booking.StatusConfirmed)).
		SetStatus(booking.StatusCheckedIn).
		Save(c.Context())
	if ent.IsNotFound(err) {
		return BookingDTO{}, fuego.NotFoundError{Detail: "no confirmed booking with that id"}
	}
	if err != nil {
		return BookingDTO{}, err
	}
	return toBookingDTO(b, h.Loc), nil
}
