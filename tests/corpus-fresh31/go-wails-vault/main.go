package main

import (
	"context"
	"embed"
	"log/slog"
	"os"
	"path/filepath"

	"github.com/wailsapp/wails/v2"
	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/options/assetserver"
	"github.com/wailsapp/wails/v2/pkg/runtime"

	"github.com/dkrylov/vault/internal/paths"
	"github.com/dkrylov/vault/internal/secrets"
	"github.com/dkrylov/vault/internal/store"
	"github.com/dkrylov/vault/internal/syncer"
	"github.com/dkrylov/vault/internal/vault"
)

//go:embed all:frontend/dist
var assets embed.FS

var version = "0.4.0"

func main() {
	log := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))

	dir, err := paths.DataDir()
	if err != nil {
		log.Error("data dir", "err", err)
		os.Exit(1)
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		log.Error("create data dir", "err", err)
		os.Exit(1)
	}
	st, err := store.Open(filepath.Join(dir, "vault.db"))
	if err != nil {
		log.Error("open store", "err", err)
		os.Exit(1)
	}
	defer st.Close()

	vaultSvc := vault.NewService(st, log)
	var appCtx context.Context
	connector := &syncer.Connector{Open: func(url string) { runtime.BrowserOpenURL(appCtx, url) }}
	syncSvc := syncer.NewService(st, secrets.RefreshTokenStore{Account: "default"}, connector, vaultSvc.IsLocked, log)
	app := &App{log: log, vault: vaultSvc, sync: syncSvc}

	err = wails.Run(&options.App{
		Title:            "Vault",
		Width:            1024,
		Height:           720,
		AssetServer:      &assetserver.Options{Assets: assets},
		BackgroundColour: &options.RGBA{R: 18, G: 18, B: 24, A: 1},
		OnStartup: func(ctx context.Context) {
			appCtx = ctx
			app.startup(ctx)
		},
		OnBeforeClose: app.beforeClose,
		Bind:          []interface{}{app, vaultSvc, syncSvc},
	})
	if err != nil {
		log.Error("wails", "err", err)
	}
}
