package main

import (
	"context"
	"log/slog"

	"github.com/dkrylov/vault/internal/syncer"
	"github.com/dkrylov/vault/internal/vault"
)

// App owns the Wails lifecycle hooks and hands the runtime context to the services.
type App struct {
	log   *slog.Logger
	vault *vault.Service
	sync  *syncer.Service
}

func (a *App) startup(ctx context.Context) {
	a.vault.Startup(ctx)
	a.sync.Startup(ctx)
	a.log.Info("vault started")
}

// beforeClose locks the vault so key material does not outlive the window.
func (a *App) beforeClose(ctx context.Context) (prevent bool) {
	a.vault.Lock()
	return false
}

// Version is shown in the About dialog.
func (a *App) Version() string {
	return version
}
