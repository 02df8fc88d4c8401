package main

import (
	"context"
	"database/sql"
	"errors"
	"log"
	"net/http"
	"os/signal"
	"syscall"
	"time"

	"github.com/gin-gonic/gin"
	_ "github.com/jackc/pgx/v5/stdlib"

	"github.com/acme-retail/orders/internal/config"
	"github.com/acme-retail/orders/internal/handlers"
	"github.com/acme-retail/orders/internal/middleware"
	"github.com/acme-retail/orders/internal/notify"
	"github.com/acme-retail/orders/internal/service"
)

func main() {
	cfg, err := config.Load()
	if err != nil {
		log.Fatalf("config: %v", err)
	}

	db, err := sql.Open("pgx", cfg.DatabaseURL)
	if err != nil {
		log.Fatalf("db: %v", err)
	}
	defer db.Close()
	db.SetMaxOpenConns(20)

	orders := service.NewOrders(db, service.NewSQLAudit(db))
	h := handlers.New(orders, notify.NewMailer(cfg.MailFrom), cfg)

	if cfg.Env == "production" {
		gin.SetMode(gin.ReleaseMode)
	}
	r := gin.New()
	r.Use(gin.Recovery(), middleware.RequestLogger())

	r.GET("/healthz", func(c *gin.Context) { c.JSON(http.StatusOK, gin.H{"ok": true}) })

	api := r.Group("/api/v1")
	api.Use(middleware.RequireJWT(cfg.JWTSecret))
	{
		api.GET("/orders", h.ListOrders)
		api.GET("/orders/:id", h.GetOrder)
		api.POST("/orders", h.CreateOrder)
		api.POST("/orders/:id/refund", h.RefundOrder)
		api.POST("/orders/:id/invoice-email", h.EmailInvoice)
	}

	// back-office: support staff and admins
	admin := r.Group("/api/admin")
	admin.Use(middleware.RequireJWT(cfg.JWTSecret))
	{
		admin.DELETE("/orders/:id", h.DeleteOrder)
		admin.POST("/orders/:id/cancel", h.CancelOrder)
	}

	// called by the warehouse system, not by users
	internal := r.Group("/internal", middleware.APIKeyAuth(cfg.InternalAPIKey))
	internal.POST("/orders/:id/shipped", h.MarkShipped)

	srv := &http.Server{Addr: cfg.Addr, Handler: r, ReadHeaderTimeout: 5 * time.Second}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()

	go func() {
		if err := srv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
			log.Fatalf("listen: %v", err)
		}
	}()
	log.Printf("orders listening on %s", cfg.Addr)

	<-ctx.Done()
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		log.Printf("graceful shutdown failed: %v", err)
	}
}
