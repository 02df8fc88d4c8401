package routes

import (
	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"

	"github.com/harbourdesk/bookings/internal/config"
	"github.com/harbourdesk/bookings/internal/payments"
)

type handlers struct {
	app core.App
	cfg config.Config
	pay *payments.Client
}

// Register mounts the custom API on top of PocketBase's built-in routes.
func Register(app core.App, cfg config.Config, pay *payments.Client) {
	h := &handlers{app: app, cfg: cfg, pay: pay}

	app.OnServe().BindFunc(func(se *core.ServeEvent) error {
		se.Router.GET("/api/venues/available", h.availableVenues)
		se.Router.POST("/api/payments/webhook", h.paymentWebhook)

		se.Router.POST("/api/bookings/{id}/checkout", h.checkout).Bind(apis.RequireAuth())
		se.Router.GET("/api/bookings/{id}/invoice", h.invoice).Bind(apis.RequireAuth())
		se.Router.POST("/api/bookings/{id}/cancel", h.cancel)
		se.Router.POST("/api/kiosk/checkin", h.kioskCheckin)

		admin := se.Router.Group("/api/admin")
		admin.Bind(apis.RequireSuperuserAuth())
		admin.POST("/bookings/{id}/refund", h.refund)
		admin.GET("/reports/occupancy", h.occupancyReport)

		return se.Next()
	})
}
