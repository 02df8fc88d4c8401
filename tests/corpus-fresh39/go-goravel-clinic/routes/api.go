package routes

import (
	"github.com/goravel/framework/contracts/route"
	"github.com/goravel/framework/facades"

	"clinic/app/http/controllers"
	"clinic/app/http/middleware"
)

func Api() {
	auth := controllers.NewAuthController()
	patients := controllers.NewPatientController()
	appointments := controllers.NewAppointmentController()
	lab := controllers.NewLabWebhookController()
	admin := controllers.NewAdminController()

	facades.Route().Get("/health", auth.Health)
	facades.Route().Post("/api/login", auth.Login)
	// The lab system authenticates with its shared webhook token.
	facades.Route().Post("/api/webhooks/lab-results", lab.Receive)

	facades.Route().Prefix("api").Middleware(middleware.Jwt()).Group(func(router route.Router) {
		router.Get("/patients", patients.Index)
		router.Get("/patients/{id}", patients.Show)
		router.Get("/patients/{id}/records", patients.Records)
		router.Put("/patients/{id}", patients.Update)

		router.Get("/appointments", appointments.Index)
		router.Post("/appointments", appointments.Store)
		router.Post("/appointments/{id}/cancel", appointments.Cancel)

		router.Middleware(middleware.Role("admin")).Group(func(router route.Router) {
			router.Get("/admin/exports/patients", admin.ExportPatients)
			router.Post("/admin/lab/resync", admin.ResyncLab)
		})
	})
}
