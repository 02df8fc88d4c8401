package routes

import (
	"github.com/go-macaron/binding"
	"github.com/go-macaron/csrf"
	"gopkg.in/macaron.v1"

	"github.com/inkwell/printshop/internal/forms"
	"github.com/inkwell/printshop/internal/handlers"
	mw "github.com/inkwell/printshop/internal/middleware"
)

// Register wires every route. Session and CSRF middleware are installed
// globally in main; authentication is per group.
func Register(m *macaron.Macaron) {
	// Public: probes, login, the PrintCo callback (HMAC-signed) and the
	// signed artwork links PrintCo downloads from.
	m.Get("/healthz", handlers.Healthz)
	m.Get("/login", handlers.LoginPage)
	m.Post("/login", csrf.Validate, binding.Bind(forms.Login{}), handlers.Login)
	m.Post("/logout", csrf.Validate, handlers.Logout)
	m.Post("/hooks/printco", handlers.ProviderWebhook)
	m.Get("/artwork/:id", handlers.ServeArtwork)

	m.Group("/orders", func() {
		m.Get("", handlers.ListOrders)
		m.Post("", csrf.Validate, binding.Bind(forms.NewOrder{}), handlers.CreateOrder)
		m.Get("/:id:int", handlers.ShowOrder)
		m.Post("/artwork", csrf.Validate, handlers.UploadArtwork)
	}, mw.RequireLogin)

	m.Group("/admin", func() {
		m.Get("/orders", handlers.AdminOrders)
	}, mw.RequireLogin, mw.RequireAdmin)
	m.Post("/admin/orders/:id:int/reprint", mw.RequireLogin, csrf.Validate, handlers.ForceReprint)

	m.Group("/api/v1", func() {
		m.Post("/orders", binding.Bind(forms.PartnerOrder{}), handlers.PartnerCreateOrder)
		m.Get("/orders/:id:int", handlers.PartnerOrderStatus)
	}, mw.PartnerKey)
}
