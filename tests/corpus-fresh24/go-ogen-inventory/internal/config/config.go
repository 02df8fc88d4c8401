package config

import (
	"fmt"
	"os"
	"strings"
	"time"
)

type Config struct {
	Addr            string
	DatabaseURL     string
	JWTSecret       string
	JWTIssuer       string
	DeviceKeys      map[string]string
	ScrapeToken     string
	LowStockWebhook string
	WebhookTimeout  time.Duration
	MigrationsDir   string
}

func getenv(key, fallback string) string {
	if v, ok := os.LookupEnv(key); ok && v != "" {
		return v
	}
	return fallback
}

// parseDeviceKeys reads DEVICE_KEYS in the form "scanner-01=secret,scanner-02=secret".
func parseDeviceKeys(raw string) (map[string]string, error) {
	keys := map[string]string{}
	if raw == "" {
		return keys, nil
	}
	for _, pair := range strings.Split(raw, ",") {
		id, secret, ok := strings.Cut(strings.TrimSpace(pair), "=")
		if !ok || id == "" || secret == "" {
			return nil, fmt.Errorf("malformed DEVICE_KEYS entry %q", pair)
		}
		keys[id] = secret
	}
	return keys, nil
}

func Load() (Config, error) {
	timeout, err := time.ParseDuration(getenv("WEBHOOK_TIMEOUT", "3s"))
	if err != nil {
		return Config{}, fmt.Errorf("WEBHOOK_TIMEOUT: %w", err)
	}
	devices, err := parseDeviceKeys(os.Getenv("DEVICE_KEYS"))
	if err != nil {
		return Config{}, err
	}
	cfg := Config{
		Addr:            getenv("ADDR", ":8080"),
		DatabaseURL:     os.Getenv("DATABASE_URL"),
		JWTSecret:       getenv("JWT_SECRET", "3f9a7c2e1b8d4f6a0c5e9b2d7a1f4c8e5b0d9a6c"),
		JWTIssuer:       getenv("JWT_ISSUER", "https://id.acme-logistics.com"),
		DeviceKeys:      devices,
		ScrapeToken:     os.Getenv("METRICS_SCRAPE_TOKEN"),
		LowStockWebhook: os.Getenv("LOW_STOCK_WEBHOOK_URL"),
		WebhookTimeout:  timeout,
		MigrationsDir:   getenv("MIGRATIONS_DIR", "/usr/share/inventory/migrations"),
	}
	if cfg.DatabaseURL == "" {
		return Config{}, fmt.Errorf("DATABASE_URL is required")
	}
	return cfg, nil
}
