package main

import (
	"context"
	"errors"
	"flag"
	"log/slog"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/northwind-labs/traefik-gatekeeper/forwardauth/internal/config"
	"github.com/northwind-labs/traefik-gatekeeper/forwardauth/internal/server"
	"github.com/northwind-labs/traefik-gatekeeper/forwardauth/internal/session"
)

func main() {
	envFile := flag.String("env-file", "/etc/forwardauth/forwardauth.env", "optional KEY=VALUE file loaded before the environment is read")
	flag.Parse()
	loadEnvFile(*envFile)

	log := slog.New(slog.NewJSONHandler(os.Stdout, nil))
	cfg := config.Load()

	keys, err := server.OpenKeyStore(cfg.KeysFile)
	if err != nil {
		log.Error("opening key store", "err", err)
		os.Exit(1)
	}
	sessions := session.NewStore(cfg.RedisAddr, cfg.RedisPassword, cfg.RedisTLS, cfg.SessionTTL)
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	if err := sessions.Ping(ctx); err != nil {
		log.Warn("redis not reachable at start", "err", err)
	}

	authz := &http.Server{
		Addr:              cfg.Listen,
		Handler:           &server.Authz{Cfg: cfg, Sessions: sessions, Keys: keys, Log: log},
		ReadHeaderTimeout: 5 * time.Second,
	}
	admin := &http.Server{
		Addr:              cfg.AdminListen,
		Handler:           (&server.Admin{Token: cfg.AdminToken, Keys: keys, Sessions: sessions, Log: log, AuditLog: cfg.AuditLog}).Routes(),
		ReadHeaderTimeout: 5 * time.Second,
	}
	for _, srv := range []*http.Server{authz, admin} {
		go func(srv *http.Server) {
			log.Info("listening", "addr", srv.Addr)
			if err := srv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
				log.Error("server stopped", "addr", srv.Addr, "err", err)
				stop()
			}
		}(srv)
	}

	<-ctx.Done()
	shutdown, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	_ = authz.Shutdown(shutdown)
	_ = admin.Shutdown(shutdown)
}

func loadEnvFile(path string) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return // the file is optional
	}
	for _, line := range splitLines(string(raw)) {
		if k, v, ok := cut(line); ok {
			if _, set := os.LookupEnv(k); !set {
				os.Setenv(k, v)
			}
		}
	}
}
