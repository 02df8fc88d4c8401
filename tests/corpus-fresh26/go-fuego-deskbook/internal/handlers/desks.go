package handlers

import (
	"strconv"
	"time"

	"github.com/go-fuego/fuego"

	"github.com/hubspace/deskbook/ent"
	"github.com/hubspace/deskbook/ent/booking"
	"github.com/hubspace/deskbook/ent/desk"
)

type DeskDTO struct {
	ID              int    `json:"id"`
	Name            string `json:"name"`
	Zone            string `json:"zone"`
	HourlyRateCents int64  `json:"hourly_rate_cents"`
}

type Slot struct {
	From time.Time `json:"from"`
	To   time.Time `json:"to"`
}

type CreateDeskRequest struct {
	Name            string `json:"name" validate:"required"`
	Zone            string `json:"zone"`
	HourlyRateCents int64  `json:"hourly_rate_cents" validate:"required,gt=0"`
}

type OccupancyReport struct {
	Month string             `json:"month"`
	Desks map[string]float64 `json:"desks"`
}

func toDeskDTO(d *ent.Desk) DeskDTO {
	return DeskDTO{ID: d.ID, Name: d.Name, Zone: d.Zone, HourlyRateCents: d.HourlyRateCents}
}

func pathID(c fuego.ContextNoBody) (int, error) {
	id, err := strconv.Atoi(c.PathParam("id"))
	if err != nil {
		return 0, fuego.BadRequestError{Detail: "id must be an integer"}
	}
	return id, nil
}

func (h *Handlers) ListDesks(c fuego.ContextNoBody) ([]DeskDTO, error) {
	q := h.DB.Desk.Query().Where(desk.Active(true))
	if zone := c.QueryParam("zone"); zone != "" {
		q = q.Where(desk.Zone(zone))
	}
	desks, err := q.Order(ent.Asc(desk.FieldName)).All(c.Context())
	if err != nil {
		return nil, err
	}
	out := make([]DeskDTO, 0, len(desks))
	for _, d := range desks {
		out = append(out, toDeskDTO(d))
	}
	return out, nil
}

// DeskAvailability lists the booked slots of a desk for one day (?date=2024-05-01).
func (h *Handlers) DeskAvailability(c fuego.ContextNoBody) ([]Slot, error) {
	id, err := pathID(c)
	if err != nil {
		return nil, err
	}
	day, err := time.ParseInLocation(time.DateOnly, c.QueryParam("date"), h.Loc)
	if err != nil {
		return nil, fuego.BadRequestError{Detail: "date must be YYYY-MM-DD"}
	}
	booked, err := h.DB.Booking.Query().
		Where(
			booking.DeskID(id),
			booking.StatusNEQ(booking.StatusCancelled),
			booking.StartsAtLT(day.Add(24*time.Hour)),
			booking.EndsAtGT(day),
		).
		Order(ent.Asc(booking.FieldStartsAt)).
		All(c.Context())
	if err != nil {
		return nil, err
	}
	slots := make([]Slot, 0, len(booked))
	for _, b := range booked {
		slots = append(slots, Slot{From: b.StartsAt.In(h.Loc), To: b.EndsAt.In(h.Loc)})
	}
	return slots, nil
}

func (h *Handlers) CreateDesk(c fuego.ContextWithBody[CreateDeskRequest]) (DeskDTO, error) {
	body, err := c.Body()
	if err != nil {
		return DeskDTO{}, err
	}
	create := h.DB.Desk.Create().SetName(body.Name).SetHourlyRateCents(body.HourlyRateCents)
	if body.Zone != "" {
		create.SetZone(body.Zone)
	}
	d, err := create.Save(c.Context())
	if ent.IsConstraintError(err) {
		return DeskDTO{}, fuego.ConflictError{Detail: "a desk with that name already exists"}
	}
	if err != nil {
		return DeskDTO{}, err
	}
	return toDeskDTO(d), nil
}

// DeleteDesk retires a desk; existing bookings are kept for billing history.
func (h *Handlers) DeleteDesk(c fuego.ContextNoBody) (DeskDTO, error) {
	id, err := pathID(c)
	if err != nil {
		return DeskDTO{}, err
	}
	d, err := h.DB.Desk.UpdateOneID(id).SetActive(false).Save(c.Context())
	if ent.IsNotFound(err) {
		return DeskDTO{}, fuego.NotFoundError{Detail: "desk not found"}
	}
	if err != nil {
		return DeskDTO{}, err
	}
	h.Log.Info("desk retired", "desk_id", id)
	return toDeskDTO(d), nil
}

func (h *Handlers) OccupancyReport(c fuego.ContextNoBody) (OccupancyReport, error) {
	panic("TODO: monthly occupancy report")
}
