package main

import (
	"context"
	"errors"
	"log"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/acme/notes/internal/config"
	"github.com/acme/notes/internal/server"
	"github.com/acme/notes/internal/store"
)

func newServeCmd() *cobra.Command {
	var admins string
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Run the HTTP API",
		RunE: func(cmd *cobra.Command, _ []string) error {
			cfg := config.FromEnv()
			st, err := store.Open(filepath.Join(opts.dataDir, "notes.db"))
			if err != nil {
				return err
			}
			adminSet := map[string]bool{}
			for _, a := range strings.Split(admins, ",") {
				if a != "" {
					adminSet[a] = true
				}
			}
			logger := log.New(os.Stderr, "notes ", log.LstdFlags)
			srv := &http.Server{
				Addr:        cfg.Addr,
				Handler:     server.New(cfg, st, logger, adminSet).Routes(),
				ReadTimeout: cfg.ReadTimeout,
			}

			ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			go func() {
				<-ctx.Done()
				shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
				defer cancel()
				if err := srv.Shutdown(shutdownCtx); err != nil {
					logger.Printf("shutdown: %v", err)
				}
			}()

			logger.Printf("listening on %s", cfg.Addr)
			if err := srv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
				return err
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&admins, "admins", "", "comma-separated admin user ids")
	return cmd
}
