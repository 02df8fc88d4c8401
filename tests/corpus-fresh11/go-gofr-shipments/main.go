package main

import (
	"database/sql"
	"strings"

	_ "github.com/jackc/pgx/v5/stdlib"
	"gofr.dev/pkg/gofr"

	"github.com/acme-logistics/shipments/internal/carrier"
	"github.com/acme-logistics/shipments/internal/handler"
	"github.com/acme-logistics/shipments/internal/middleware"
	"github.com/acme-logistics/shipments/internal/store"
)

func main() {
	app := gofr.New()

	db, err := sql.Open("pgx", app.Config.Get("DB_DSN"))
	if err != nil {
		app.Logger().Fatalf("opening database: %v", err)
	}
	defer db.Close()

	keys := strings.Split(app.Config.Get("API_KEYS"), ",")
	app.UseMiddleware(middleware.RequestLog(app.Logger()))
	app.UseMiddleware(middleware.APIKeyAuth(keys, "/webhooks/", "/.well-known/"))
	app.UseMiddleware(middleware.CarrierSignature([]byte(app.Config.Get("CARRIER_WEBHOOK_SECRET")), "/webhooks/"))

	carrierClient := carrier.NewClient(app.Config.Get("CARRIER_BASE_URL"), app.Config.Get("CARRIER_API_KEY"))
	h := handler.New(store.New(db), carrierClient)
	wh := handler.NewWebhook(store.New(db))

	app.GET("/health/ready", h.Ready)
	app.GET("/shipments", h.List)
	app.GET("/shipments/{id}", h.Get)
	app.POST("/shipments", h.Create)
	app.POST("/shipments/{id}/label", h.Label)
	app.DELETE("/admin/shipments/{id}", h.Delete)
	app.POST("/webhooks/carrier", wh.Handle)

	app.Run()
}
