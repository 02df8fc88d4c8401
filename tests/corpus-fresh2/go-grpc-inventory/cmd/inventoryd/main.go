package main

import (
	"context"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/health"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
	"google.golang.org/grpc/reflection"

	pb "github.com/acme-retail/inventory/gen/inventory/v1"
	"github.com/acme-retail/inventory/internal/callback"
	"github.com/acme-retail/inventory/internal/config"
	"github.com/acme-retail/inventory/internal/interceptors"
	"github.com/acme-retail/inventory/internal/server"
	"github.com/acme-retail/inventory/internal/store"
	"github.com/acme-retail/inventory/internal/warehouse"
)

func main() {
	log := slog.New(slog.NewJSONHandler(os.Stdout, nil))
	if err := run(log); err != nil {
		log.Error("inventoryd exited", "err", err)
		os.Exit(1)
	}
}

func run(log *slog.Logger) error {
	cfg, err := config.FromEnv()
	if err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()

	pool, err := pgxpool.New(ctx, cfg.DatabaseURL)
	if err != nil {
		return err
	}
	defer pool.Close()
	journal, err := store.OpenJournal(cfg.JournalPath)
	if err != nil {
		return err
	}
	st := store.New(pool, journal)

	wh, err := warehouse.NewClient(ctx, cfg.WarehouseURL, cfg.WarehouseQueue)
	if err != nil {
		return err
	}
	if err := wh.Ping(ctx); err != nil {
		log.Warn("warehouse not reachable at startup; continuing", "err", err)
	}

	creds, err := credentials.NewServerTLSFromFile(cfg.TLSCert, cfg.TLSKey)
	if err != nil {
		return err
	}
	srv := grpc.NewServer(
		grpc.Creds(creds),
		grpc.ChainUnaryInterceptor(
			interceptors.Recovery(log),
			interceptors.Logging(log),
		),
	)
	pb.RegisterInventoryServiceServer(srv, server.New(st, log))
	healthpb.RegisterHealthServer(srv, health.NewServer())
	reflection.Register(srv)

	mux := http.NewServeMux()
	mux.Handle("/callbacks/shipments", callback.VerifySignature(cfg.CallbackSecret)(callback.Handler(st, log)))
	httpSrv := &http.Server{Addr: cfg.HTTPAddr, Handler: mux, ReadHeaderTimeout: 5 * time.Second}

	lis, err := net.Listen("tcp", cfg.GRPCAddr)
	if err != nil {
		return err
	}
	errc := make(chan error, 2)
	go func() { errc <- srv.Serve(lis) }()
	go func() {
		if err := httpSrv.ListenAndServe(); !errors.Is(err, http.ErrServerClosed) {
			errc <- err
		}
	}()
	log.Info("inventoryd up", "grpc", cfg.GRPCAddr, "http", cfg.HTTPAddr)

	select {
	case <-ctx.Done():
	case err := <-errc:
		return err
	}
	srv.GracefulStop()
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	return httpSrv.Shutdown(shutdownCtx)
}
