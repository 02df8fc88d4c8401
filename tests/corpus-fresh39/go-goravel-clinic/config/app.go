package config

import (
	"github.com/goravel/framework/auth"
	"github.com/goravel/framework/cache"
	"github.com/goravel/framework/console"
	"github.com/goravel/framework/contracts/foundation"
	"github.com/goravel/framework/database"
	"github.com/goravel/framework/facades"
	"github.com/goravel/framework/http"
	"github.com/goravel/framework/log"
	"github.com/goravel/framework/mail"
	"github.com/goravel/framework/queue"
	"github.com/goravel/framework/route"
	"github.com/goravel/framework/schedule"
	"github.com/goravel/framework/support/carbon"
	"github.com/goravel/gin"

	"clinic/app/providers"
)

// Boot is called by bootstrap; the init functions of this package do the work.
func Boot() {}

func init() {
	config := facades.Config()
	config.Add("app", map[string]any{
		"name":     config.Env("APP_NAME", "Clinic"),
		"env":      config.Env("APP_ENV", "production"),
		"debug":    config.Env("APP_DEBUG", false),
		"timezone": carbon.UTC,
		"locale":   "en",
		"key":      config.Env("APP_KEY", ""),
		"providers": []foundation.ServiceProvider{
			&log.ServiceProvider{},
			&console.ServiceProvider{},
			&database.ServiceProvider{},
			&cache.ServiceProvider{},
			&http.ServiceProvider{},
			&route.ServiceProvider{},
			&schedule.ServiceProvider{},
			&queue.ServiceProvider{},
			&auth.ServiceProvider{},
			&mail.ServiceProvider{},
			&gin.ServiceProvider{},
			&providers.AuthServiceProvider{},
			&providers.RouteServiceProvider{},
			&providers.ConsoleServiceProvider{},
			&providers.QueueServiceProvider{},
		},
	})
}
