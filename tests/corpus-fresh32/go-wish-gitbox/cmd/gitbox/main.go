package main

import (
	"context"
	"errors"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/charmbracelet/log"
	"github.com/charmbracelet/ssh"
	"github.com/charmbracelet/wish"
	"github.com/charmbracelet/wish/logging"

	"github.com/lattice-labs/gitbox/internal/auth"
	"github.com/lattice-labs/gitbox/internal/config"
	"github.com/lattice-labs/gitbox/internal/server"
	"github.com/lattice-labs/gitbox/internal/store"
	"github.com/lattice-labs/gitbox/internal/web"
)

func main() {
	logger := log.NewWithOptions(os.Stderr, log.Options{ReportTimestamp: true, Prefix: "gitbox"})

	cfg, err := config.Load()
	if err != nil {
		logger.Fatal("config", "err", err)
	}
	st, err := store.Open(cfg.DBPath())
	if err != nil {
		logger.Fatal("opening store", "err", err)
	}
	defer st.Close()

	notifier := web.NewNotifier(os.Getenv("GITBOX_CI_WEBHOOK_URL"), cfg.WebhookSecret, logger)
	app := &server.App{Store: st, Config: cfg, Notifier: notifier, Logger: logger}
	authn := &auth.Authenticator{Store: st, AdminPassword: cfg.AdminPassword, Logger: logger}

	srv, err := wish.NewServer(
		wish.WithAddress(net.JoinHostPort(cfg.Host, cfg.SSHPort)),
		wish.WithHostKeyPath("/Users/eli/.ssh/gitbox_host_ed25519"),
		wish.WithPublicKeyAuth(authn.PublicKeyHandler),
		wish.WithPasswordAuth(authn.PasswordHandler),
		wish.WithIdleTimeout(10*time.Minute),
		wish.WithMiddleware(
			server.Router(app),
			server.RequireUser(),
			logging.Middleware(),
		),
	)
	if err != nil {
		logger.Fatal("creating ssh server", "err", err)
	}

	httpSrv := &http.Server{
		Addr:              cfg.HTTPAddr,
		Handler:           (&web.Server{Store: st, RepoRoot: cfg.RepoRoot, CIHookSecret: []byte(cfg.CIHookSecret), Logger: logger}).Routes(),
		ReadHeaderTimeout: 5 * time.Second,
	}

	stop := make(chan struct{})
	go notifier.Run(stop)

	done := make(chan os.Signal, 1)
	signal.Notify(done, os.Interrupt, syscall.SIGINT, syscall.SIGTERM)

	go func() {
		logger.Info("ssh listening", "addr", srv.Addr)
		if err := srv.ListenAndServe(); err != nil && !errors.Is(err, ssh.ErrServerClosed) {
			logger.Error("ssh server", "err", err)
			done <- nil
		}
	}()
	go func() {
		logger.Info("http listening", "addr", cfg.HTTPAddr)
		if err := httpSrv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
			logger.Error("http server", "err", err)
			done <- nil
		}
	}()

	<-done
	close(stop)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := srv.Shutdown(ctx); err != nil && !errors.Is(err, ssh.ErrServerClosed) {
		logger.Error("ssh shutdown", "err", err)
	}
	if err := httpSrv.Shutdown(ctx); err != nil {
		logger.Error("http shutdown", "err", err)
	}
}
