package main

import (
	"context"
	"crypto/tls"
	"database/sql"
	"encoding/json"
	"errors"
	"flag"
	"log/slog"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"
	"github.com/twitchtv/twirp"

	billingv1 "github.com/acmeco/billing/rpc/billing/v1"
	"github.com/acmeco/billing/internal/notify"
	"github.com/acmeco/billing/internal/server"
	"github.com/acmeco/billing/internal/store"
)

type Config struct {
	Addr              string            `json:"addr"`
	DatabaseURL       string            `json:"database_url"`
	ProcessorSecret   string            `json:"processor_secret"`
	TLSCertFile       string            `json:"tls_cert_file"`
	TLSKeyFile        string            `json:"tls_key_file"`
	SMTP              notify.SMTPConfig `json:"smtp"`
	ShutdownGraceSecs int               `json:"shutdown_grace_secs"`
}

func defaultConfig() Config {
	return Config{
		Addr:        ":8080",
		DatabaseURL: os.Getenv("DATABASE_URL"),
		SMTP: notify.SMTPConfig{
			Host:     "relay.internal.acme.example",
			Port:     587,
			Username: "billing-mailer",
			Password: "Mq8!rT4zKw2#Lp9vXe",
			From:     "billing@acme.example",
		},
		ShutdownGraceSecs: 15,
	}
}

func loadConfig(path string) (Config, error) {
	cfg := defaultConfig()
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return cfg, nil
	}
	if err != nil {
		return cfg, err
	}
	defer f.Close()
	return cfg, json.NewDecoder(f).Decode(&cfg)
}

func main() {
	configPath := flag.String("config", "/etc/billing/server.json", "path to the JSON config file")
	flag.Parse()

	log := slog.New(slog.NewJSONHandler(os.Stdout, nil))
	cfg, err := loadConfig(*configPath)
	if err != nil {
		log.Error("config", "path", *configPath, "err", err)
		os.Exit(1)
	}
	if v := os.Getenv("PROCESSOR_SECRET"); v != "" {
		cfg.ProcessorSecret = v
	}

	db, err := sql.Open("pgx", cfg.DatabaseURL)
	if err != nil {
		log.Error("open database", "err", err)
		os.Exit(1)
	}
	db.SetMaxOpenConns(20)
	db.SetConnMaxIdleTime(5 * time.Minute)
	st := store.New(db)

	var mailer notify.Mailer = notify.NoopMailer{}
	if cfg.SMTP.Host != "" && os.Getenv("DISABLE_EMAIL") != "1" {
		mailer = notify.NewSMTPMailer(cfg.SMTP)
	}

	api := billingv1.NewBillingServer(
		&server.Server{Store: st, Mailer: mailer, Log: log},
		twirp.WithServerHooks(server.LoggingHooks(log)),
		twirp.WithServerInterceptors(server.AuthInterceptor(st)),
		twirp.WithServerPathPrefix("/rpc"),
	)

	mux := http.NewServeMux()
	mux.Handle(api.PathPrefix(), server.WithAPIKey(api))
	mux.Handle("/callbacks/processor", &server.PaymentCallback{Secret: []byte(cfg.ProcessorSecret), Store: st, Log: log})

	httpSrv := &http.Server{Addr: cfg.Addr, Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	if cfg.TLSCertFile != "" {
		// API clients authenticate with API keys, the processor with HMAC; no client certificates
		httpSrv.TLSConfig = &tls.Config{MinVersion: tls.VersionTLS12, ClientAuth: tls.NoClientCert}
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() {
		<-ctx.Done()
		grace, cancel := context.WithTimeout(context.Background(), time.Duration(cfg.ShutdownGraceSecs)*time.Second)
		defer cancel()
		if err := httpSrv.Shutdown(grace); err != nil {
			log.Warn("shutdown", "err", err)
		}
	}()

	log.Info("billing server listening", "addr", cfg.Addr, "prefix", api.PathPrefix())
	if cfg.TLSCertFile != "" {
		err = httpSrv.ListenAndServeTLS(cfg.TLSCertFile, cfg.TLSKeyFile)
	} else {
		err = httpSrv.ListenAndServe()
	}
	if err != nil && !errors.Is(err, http.ErrServerClosed) {
		log.Error("serve", "err", err)
		os.Exit(1)
	}
}
