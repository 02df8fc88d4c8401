package main

import (
	"database/sql"
	"log"
	"net/http"
	"os"

	"github.com/acme/orders/internal/api"
	"github.com/acme/orders/internal/config"
	"github.com/acme/orders/internal/store"
)

func main() {
	cfg := config.Load()
	db, err := sql.Open("postgres", cfg.DatabaseURL)
	if err != nil {
		log.Fatalf("open db: %v", err)
	}
	r := api.NewRouter(store.New(db), nil, os.Getenv("INTERNAL_KEY"))
	srv := &http.Server{Addr: cfg.Addr, Handler: r}
	if err := srv.ListenAndServe(); err != nil && err != http.ErrServerClosed {
		log.Fatal(err)
	}
}
