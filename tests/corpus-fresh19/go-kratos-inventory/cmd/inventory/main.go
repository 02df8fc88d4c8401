package main

import (
	"flag"
	"os"
	"path/filepath"

	"github.com/go-kratos/kratos/v2"
	"github.com/go-kratos/kratos/v2/log"
	_ "github.com/lib/pq"

	"github.com/acme/inventory/internal/client"
	"github.com/acme/inventory/internal/conf"
	"github.com/acme/inventory/internal/data"
	"github.com/acme/inventory/internal/server"
	"github.com/acme/inventory/internal/service"
)

var (
	// Name and Version are set at build time with -ldflags.
	Name    = "inventory"
	Version = "dev"

	logDir string
)

func init() {
	flag.StringVar(&logDir, "log-dir", "/var/log/inventory", "directory for the service log file")
}

func main() {
	flag.Parse()
	f, err := os.OpenFile(filepath.Join(logDir, "inventory.log"), os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o640)
	if err != nil {
		panic(err)
	}
	defer f.Close()
	logger := log.With(log.NewStdLogger(f),
		"ts", log.DefaultTimestamp,
		"caller", log.DefaultCaller,
		"service.name", Name,
		"service.version", Version,
	)

	cfg, err := conf.Load()
	if err != nil {
		panic(err)
	}
	store, cleanup, err := data.NewStore(cfg.DatabaseDSN)
	if err != nil {
		panic(err)
	}
	defer cleanup()

	audit := data.NewAuditLog(store)
	items := service.NewItemService(store, audit, client.NewOrdersClient(cfg.OrdersURL), logger)
	admin := service.NewAdminService(store, audit, cfg.PriceFile, logger)
	hooks := service.NewWebhookService([]byte(cfg.WebhookKey), store, logger)

	app := kratos.New(
		kratos.Name(Name),
		kratos.Version(Version),
		kratos.Logger(logger),
		kratos.Server(server.NewHTTPServer(cfg, items, admin, hooks, logger)),
	)
	if err := app.Run(); err != nil {
		panic(err)
	}
}
