package config

import (
	"fmt"
	"os"
	"strings"
	"time"
)

type Config struct {
	DatabaseURL     string
	ServiceToken    string
	JWTPublicKeyPEM string
	EventSigningKey string
	Provider        ProviderConfig
	PDFDir          string
}

type ProviderConfig struct {
	BaseURL string
	APIKey  string
	Timeout time.Duration
}

var placeholders = map[string]bool{"changeme": true, "secret": true, "": true}

func envOr(key, fallback string) string {
	if v, ok := os.LookupEnv(key); ok && v != "" {
		return v
	}
	return fallback
}

func Load() (*Config, error) {
	cfg := &Config{
		DatabaseURL:     envOr("BILLING_DATABASE_URL", "postgres://billing:Wq8vT2mZr5xKp9Ld@db.internal.ledgerline.io:5432/billing?sslmode=require"),
		ServiceToken:    os.Getenv("BILLING_SERVICE_TOKEN"),
		JWTPublicKeyPEM: os.Getenv("BILLING_JWT_PUBLIC_KEY"),
		EventSigningKey: os.Getenv("BILLING_EVENT_SIGNING_KEY"),
		Provider: ProviderConfig{
			BaseURL: envOr("PAYFLOW_BASE_URL", "https://api.payflow.com/v2"),
			APIKey:  os.Getenv("PAYFLOW_API_KEY"),
			Timeout: 20 * time.Second,
		},
		PDFDir: envOr("BILLING_PDF_DIR", "/Users/ana/dev/billing/pdf"),
	}

	for name, value := range map[string]string{
		"BILLING_SERVICE_TOKEN":     cfg.ServiceToken,
		"BILLING_EVENT_SIGNING_KEY": cfg.EventSigningKey,
		"PAYFLOW_API_KEY":           cfg.Provider.APIKey,
	} {
		if placeholders[strings.ToLower(value)] {
			return nil, fmt.Errorf("config: %s is missing or still a placeholder", name)
		}
	}
	if cfg.JWTPublicKeyPEM == "" {
		return nil, fmt.Errorf("config: BILLING_JWT_PUBLIC_KEY is required")
	}
	return cfg, nil
}
