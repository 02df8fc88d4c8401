package app

import (
	"github.com/revel/revel"

	"github.com/harbourmed/clinic/app/db"
)

var (
	// AppVersion and BuildTime are set by the build (-ldflags).
	AppVersion string
	BuildTime  string
)

func init() {
	revel.Filters = []revel.Filter{
		revel.PanicFilter,
		revel.RouterFilter,
		revel.FilterConfiguringFilter,
		revel.ParamsFilter,
		revel.SessionFilter,
		revel.FlashFilter,
		revel.ValidationFilter,
		revel.I18nFilter,
		HeaderFilter,
		revel.InterceptorFilter,
		revel.CompressFilter,
		revel.BeforeAfterFilter,
		revel.ActionInvoker,
	}

	revel.OnAppStart(db.Init)
}

// HeaderFilter adds security headers to every response.
var HeaderFilter = func(c *revel.Controller, fc []revel.Filter) {
	c.Response.Out.Header().Add("X-Frame-Options", "DENY")
	c.Response.Out.Header().Add("X-Content-Type-Options", "nosniff")
	c.Response.Out.Header().Add("Referrer-Policy", "same-origin")
	c.Response.Out.Header().Add("Cache-Control", "no-store")

	fc[0](c, fc[1:])
}
