package main

import (
	"log"

	"github.com/pocketbase/pocketbase"

	"github.com/harbourdesk/bookings/internal/config"
	"github.com/harbourdesk/bookings/internal/hooks"
	"github.com/harbourdesk/bookings/internal/jobs"
	"github.com/harbourdesk/bookings/internal/payments"
	"github.com/harbourdesk/bookings/internal/routes"
)

func main() {
	app := pocketbase.New()
	cfg := config.Load()

	pay, err := payments.New(cfg.PaymentsBaseURL, cfg.PaymentsAPIKey)
	if err != nil {
		log.Fatalf("payments client: %v", err)
	}

	routes.Register(app, cfg, pay)
	hooks.Register(app, pay)
	jobs.Register(app, cfg)

	if err := app.Start(); err != nil {
		log.Fatal(err)
	}
}
