package main

import (
	"context"
	"errors"
	"log"
	"net"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/oschwald/geoip2-golang"
	"github.com/valyala/fasthttp"

	"github.com/linkhut/shortlinks/db"
	"github.com/linkhut/shortlinks/internal/api"
	"github.com/linkhut/shortlinks/internal/config"
	"github.com/linkhut/shortlinks/internal/safety"
)

type geoReader struct {
	r *geoip2.Reader
}

func (g geoReader) Country(ip net.IP) string {
	if g.r == nil || ip == nil {
		return ""
	}
	rec, err := g.r.Country(ip)
	if err != nil {
		return ""
	}
	return rec.Country.IsoCode
}

func metricsHandler(ctx *fasthttp.RequestCtx) {
	ctx.SetContentType("text/plain; version=0.0.4")
	ctx.WriteString("# metrics are exported by the sidecar\n")
}

func main() {
	cfg, err := config.Load()
	if err != nil {
		log.Fatalf("config: %v", err)
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	pool, err := pgxpool.New(ctx, cfg.DatabaseURL)
	if err != nil {
		log.Fatalf("postgres: %v", err)
	}
	defer pool.Close()

	var geo geoReader
	if reader, err := geoip2.Open(cfg.GeoIPPath); err != nil {
		log.Printf("geoip disabled (%s): %v", cfg.GeoIPPath, err)
	} else {
		geo.r = reader
		defer reader.Close()
	}

	h := api.NewHandler(db.New(pool), nil, cfg.CacheTTL, geo, safety.New(cfg.SafetyURL, cfg.SafetyAPIKey), cfg.BaseURL)
	srv := &fasthttp.Server{
		Handler:            api.NewRouter(h, cfg, metricsHandler),
		Name:               "shortlinks",
		ReadTimeout:        5 * time.Second,
		WriteTimeout:       5 * time.Second,
		IdleTimeout:        60 * time.Second,
		MaxRequestBodySize: 1 << 20,
	}

	go func() {
		<-ctx.Done()
		if err := srv.ShutdownWithContext(context.Background()); err != nil {
			log.Printf("shutdown: %v", err)
		}
	}()

	log.Printf("listening on %s", cfg.Addr)
	if err := srv.ListenAndServe(cfg.Addr); err != nil && !errors.Is(err, net.ErrClosed) {
		log.Fatalf("serve: %v", err)
	}
}
