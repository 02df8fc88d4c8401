package server

import (
	"github.com/go-fuego/fuego"
	"github.com/go-fuego/fuego/option"

	"github.com/hubspace/deskbook/internal/auth"
	"github.com/hubspace/deskbook/internal/handlers"
)

// Register mounts every deskbook route on s.
func Register(s *fuego.Server, a *auth.Authenticator, h *handlers.Handlers) {
	authed := option.Middleware(a.Middleware)

	// Public
	fuego.Get(s, "/healthz", handlers.Healthz, option.Tags("ops"), option.Hide())
	fuego.Post(s, "/auth/login", h.Login, option.Tags("auth"), option.Summary("Exchange member credentials for a token"))
	fuego.Get(s, "/desks", h.ListDesks, option.Tags("desks"), option.Summary("List bookable desks"))
	fuego.Get(s, "/desks/{id}/availability", h.DeskAvailability, option.Tags("desks"))

	// Members
	fuego.Get(s, "/bookings", h.ListBookings, authed, option.Tags("bookings"))
	fuego.Post(s, "/bookings", h.CreateBooking, authed, option.Tags("bookings"))
	fuego.Get(s, "/bookings/{id}", h.GetBooking, authed, option.Tags("bookings"))
	fuego.Post(s, "/bookings/{id}/cancel", h.CancelBooking, option.Tags("bookings"))

	// Devices and integrations authenticate themselves.
	fuego.Post(s, "/kiosk/checkin", h.KioskCheckIn, option.Tags("kiosk"))
	fuego.Post(s, "/webhooks/billing", h.BillingWebhook, option.Tags("webhooks"), option.Hide())

	// Staff
	admin := fuego.Group(s, "/admin", option.Tags("admin"))
	fuego.Use(admin, a.Middleware, auth.RequireRole("admin"))
	fuego.Post(admin, "/desks", h.CreateDesk)
	fuego.Delete(admin, "/desks/{id}", h.DeleteDesk)
	fuego.Get(admin, "/reports/occupancy", h.OccupancyReport)
}
