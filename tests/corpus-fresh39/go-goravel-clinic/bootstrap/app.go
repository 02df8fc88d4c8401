package bootstrap

import (
	"github.com/goravel/framework/foundation"

	"clinic/config"
)

func Boot() {
	app := foundation.NewApplication()
	app.Boot()
	config.Boot()
}
