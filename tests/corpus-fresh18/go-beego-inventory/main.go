package main

import (
	"os"

	"github.com/beego/beego/v2/core/logs"
	"github.com/beego/beego/v2/server/web"

	"github.com/northwind-logistics/inventory-api/models"
	_ "github.com/northwind-logistics/inventory-api/routers"
	"github.com/northwind-logistics/inventory-api/services"
)

func main() {
	logs.SetLogger(logs.AdapterConsole, `{"level":6,"color":false}`)
	logs.EnableFuncCallDepth(true)

	web.BConfig.CopyRequestBody = true
	web.BConfig.RecoverPanic = true
	web.BConfig.WebConfig.AutoRender = false

	if err := models.Init(); err != nil {
		logs.Critical("database init failed: %v", err)
		os.Exit(1)
	}
	services.InitAlerts()

	web.Run()
}
