package actions

import (
	"net/http"

	"github.com/gobuffalo/buffalo"
	"github.com/gobuffalo/buffalo/render"
	"github.com/gobuffalo/pop/v6"

	"github.com/pawsandclaws/clinicbook/public"
	"github.com/pawsandclaws/clinicbook/templates"
)

var r = render.New(render.Options{
	HTMLLayout:  "application.plush.html",
	TemplatesFS: templates.FS(),
	AssetsFS:    public.FS(),
	Helpers:     render.Helpers{},
})

// HomeHandler is the public landing page with opening hours and the booking button.
func HomeHandler(c buffalo.Context) error {
	return c.Render(http.StatusOK, r.HTML("home/index.plush.html"))
}

// HealthHandler is polled by the load balancer.
func HealthHandler(c buffalo.Context) error {
	tx := c.Value("tx").(*pop.Connection)
	if err := tx.RawQuery("SELECT 1").Exec(); err != nil {
		return c.Render(http.StatusServiceUnavailable, r.JSON(map[string]string{"status": "db unavailable"}))
	}
	return c.Render(http.StatusOK, r.JSON(map[string]string{"status": "ok"}))
}
