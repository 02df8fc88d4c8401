package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	goahttp "goa.design/goa/v3/http"
	httpmdlwr "goa.design/goa/v3/http/middleware"
	"goa.design/goa/v3/middleware"

	"github.com/northwind-logistics/fleetlog"
	vehiclessvr "github.com/northwind-logistics/fleetlog/gen/http/vehicles/server"
	vehicles "github.com/northwind-logistics/fleetlog/gen/vehicles"
	"github.com/northwind-logistics/fleetlog/store"
	"github.com/northwind-logistics/fleetlog/telematics"
)

const depotsFile = "/home/akowalczyk/projects/fleetlog/config/depots.json"

func envOr(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}

type fileConfig struct {
	IngestKeys map[string]string `json:"ingest_keys"`
}

func loadFileConfig(path string) (fileConfig, error) {
	var fc fileConfig
	raw, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return fc, nil
	}
	if err != nil {
		return fc, err
	}
	return fc, json.Unmarshal(raw, &fc)
}

func main() {
	var (
		addr       = flag.String("http", envOr("FLEETLOG_HTTP", ":8088"), "HTTP listen address")
		configPath = flag.String("config", envOr("FLEETLOG_CONFIG", "/etc/fleetlog/config.json"), "path to the JSON config file")
		dbgF       = flag.Bool("debug", false, "log request and response bodies")
	)
	flag.Parse()

	log := slog.New(slog.NewJSONHandler(os.Stdout, &slog.HandlerOptions{Level: slog.LevelInfo}))
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	fc, err := loadFileConfig(*configPath)
	if err != nil {
		log.Error("config", "err", err)
		os.Exit(1)
	}

	depots, err := os.ReadFile(depotsFile)
	if err != nil {
		log.Error("reading depots", "err", err)
		os.Exit(1)
	}
	log.Info("depots loaded", "bytes", len(depots))

	st, err := store.Open(ctx, envOr("DATABASE_URL", "postgres://fleetlog@localhost:5432/fleetlog?sslmode=disable"))
	if err != nil {
		log.Error("database", "err", err)
		os.Exit(1)
	}
	defer st.Close()

	cfg := fleetlog.Config{
		JWTKey:     []byte(envOr("FLEETLOG_JWT_KEY", "k8Zq1vR4nT7wX0bE3hM6pS9cF2jL5yA8")),
		Issuer:     envOr("FLEETLOG_JWT_ISSUER", "https://login.northwind-logistics.com/"),
		IngestKeys: fc.IngestKeys,
	}
	tm := telematics.New(envOr("TELEMATICS_URL", "https://gw.trakwise.eu"), os.Getenv("TELEMATICS_TOKEN"), log)

	svc := fleetlog.NewVehicles(cfg, st, tm, log)
	endpoints := vehicles.NewEndpoints(svc)

	mux := goahttp.NewMuxer()
	server := vehiclessvr.New(endpoints, mux, goahttp.RequestDecoder, goahttp.ResponseEncoder, errorHandler(log), nil)
	vehiclessvr.Mount(mux, server)
	for _, m := range server.Mounts {
		log.Info("mounted", "method", m.Method, "verb", m.Verb, "path", m.Pattern)
	}

	var handler http.Handler = mux
	if *dbgF {
		handler = httpmdlwr.Debug(mux, os.Stdout)(handler)
	}
	handler = httpmdlwr.RequestID()(handler)

	srv := &http.Server{Addr: *addr, Handler: handler, ReadHeaderTimeout: 10 * time.Second}
	go func() {
		<-ctx.Done()
		shutdown, cancel := context.WithTimeout(context.Background(), 15*time.Second)
		defer cancel()
		_ = srv.Shutdown(shutdown)
	}()

	log.Info("fleetlog listening", "addr", *addr)
	if err := srv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
		log.Error("server", "err", err)
		os.Exit(1)
	}
}

func errorHandler(log *slog.Logger) func(context.Context, http.ResponseWriter, error) {
	return func(ctx context.Context, w http.ResponseWriter, err error) {
		id, _ := ctx.Value(middleware.RequestIDKey).(string)
		log.Error("request failed", "id", id, "err", err)
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusInternalServerError)
		_, _ = fmt.Fprintf(w, `{"id":%q,"error":%q}`, id, strings.TrimSpace("internal error"))
	}
}
