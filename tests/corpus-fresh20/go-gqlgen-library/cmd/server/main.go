package main

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/playground"
	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/northbranch/library-api/graph"
	"github.com/northbranch/library-api/graph/generated"
	"github.com/northbranch/library-api/internal/auth"
	"github.com/northbranch/library-api/internal/isbn"
	"github.com/northbranch/library-api/internal/store"
)

func envOr(key, fallback string) string {
	if v, ok := os.LookupEnv(key); ok && v != "" {
		return v
	}
	return fallback
}

func mustEnv(key string) string {
	v := os.Getenv(key)
	if v == "" {
		panic("missing required environment variable " + key)
	}
	return v
}

func main() {
	log := slog.New(slog.NewJSONHandler(os.Stdout, &slog.HandlerOptions{Level: slog.LevelInfo}))

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	pool, err := pgxpool.New(ctx, mustEnv("DATABASE_URL"))
	if err != nil {
		log.Error("connect postgres", "err", err)
		os.Exit(1)
	}
	defer pool.Close()

	sessionKey := envOr("SESSION_SIGNING_KEY", "4f9c2e71b8a05d3e6c1f7a9b2d4e8f0a3c5b7d9e1f2a4c6e8b0d2f4a6c8e0b2d")
	signer := auth.NewSigner([]byte(sessionKey), 14*24*time.Hour)
	st := store.New(pool)
	if dir := os.Getenv("COVERS_DIR"); dir != "" {
		isbn.CoversDir = dir
	}

	resolver := &graph.Resolver{
		Store:  st,
		Signer: signer,
		ISBN:   isbn.New(envOr("ISBN_API_URL", "https://isbn-mirror.northbranch.lan")),
		Log:    log,
	}
	srv := handler.NewDefaultServer(generated.NewExecutableSchema(generated.Config{
		Resolvers:  resolver,
		Directives: graph.Directives(),
	}))

	authMW := auth.NewMiddleware(signer, st, os.Getenv("CATALOGUE_SERVICE_TOKEN"), log)
	staticDir := envOr("STATIC_DIR", "/srv/library-api/web")

	r := chi.NewRouter()
	r.Use(middleware.RequestID, middleware.RealIP, middleware.Recoverer, middleware.Timeout(30*time.Second))
	r.Get("/healthz", func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusNoContent) })
	r.Handle("/covers/*", http.StripPrefix("/covers/", http.FileServer(http.Dir(isbn.CoversDir))))
	r.Handle("/*", http.FileServer(http.Dir(staticDir)))
	r.With(authMW.Handler).Handle("/query", srv)
	if os.Getenv("ENABLE_PLAYGROUND") == "1" {
		r.Handle("/playground", playground.Handler("library", "/query"))
	}

	httpSrv := &http.Server{Addr: envOr("ADDR", ":8080"), Handler: r, ReadHeaderTimeout: 5 * time.Second}
	go func() {
		<-ctx.Done()
		shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		_ = httpSrv.Shutdown(shutdownCtx)
	}()

	log.Info("listening", "addr", httpSrv.Addr)
	if err := httpSrv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
		log.Error("server stopped", "err", err)
		os.Exit(1)
	}
}
