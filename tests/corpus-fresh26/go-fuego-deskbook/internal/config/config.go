package config

import (
	"errors"
	"os"
)

// Config is read once at startup from the environment.
type Config struct {
	Addr                 string
	DatabaseURL          string
	JWTSecret            []byte
	JWTIssuer            string
	BillingBaseURL       string
	BillingAPIKey        string
	BillingWebhookSecret []byte
	KioskKey             string
	InvoiceTemplateDir   string
	DataDir              string
	Timezone             string
}

func getenv(key, fallback string) string {
	if v, ok := os.LookupEnv(key); ok && v != "" {
		return v
	}
	return fallback
}

func Load() (*Config, error) {
	cfg := &Config{
		Addr:                 getenv("ADDR", ":8080"),
		DatabaseURL:          os.Getenv("DATABASE_URL"),
		JWTSecret:            []byte(getenv("JWT_SECRET", "b7f3c91e5a2d48f6a0c4e8d2f1b9a7c3e6d5f4a1")),
		JWTIssuer:            getenv("JWT_ISSUER", "deskbook"),
		BillingBaseURL:       getenv("BILLING_BASE_URL", "https://api.ledgerly.example/v1"),
		BillingAPIKey:        os.Getenv("BILLING_API_KEY"),
		BillingWebhookSecret: []byte(os.Getenv("BILLING_WEBHOOK_SECRET")),
		KioskKey:             os.Getenv("KIOSK_KEY"),
		InvoiceTemplateDir:   "/home/jenkins/workspace/deskbook-release/templates/invoices",
		DataDir:              getenv("DATA_DIR", "/var/lib/deskbook"),
		Timezone:             getenv("TZ_NAME", "Europe/Berlin"),
	}
	if cfg.DatabaseURL == "" {
		return nil, errors.New("DATABASE_URL is required")
	}
	if cfg.BillingAPIKey != "" && len(cfg.BillingWebhookSecret) == 0 {
		return nil, errors.New("BILLING_WEBHOOK_SECRET is required when billing is enabled")
	}
	return cfg, nil
}
