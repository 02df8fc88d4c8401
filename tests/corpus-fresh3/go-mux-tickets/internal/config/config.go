package config

import (
	"fmt"
	"os"
	"strings"
	"time"
)

// fallbackDSN is used when DATABASE_URL is unset (on-call laptops, mostly).
const fallbackDSN = "postgres://tickets_svc:Vb8nQ2xK7mR4pZ9wHt6@10.20.3.12:5432/tickets?sslmode=require"

type Config struct {
	Addr          string
	DSN           string
	APITokens     []string
	WebhookSecret string
	NotifyURL     string
	ReadTimeout   time.Duration
	BulkExport    bool
}

func getenv(key, def string) string {
	if v, ok := os.LookupEnv(key); ok && v != "" {
		return v
	}
	return def
}

func Load() (*Config, error) {
	rt, err := time.ParseDuration(getenv("READ_TIMEOUT", "10s"))
	if err != nil {
		return nil, fmt.Errorf("READ_TIMEOUT: %w", err)
	}
	c := &Config{
		Addr:          getenv("ADDR", ":8080"),
		DSN:           getenv("DATABASE_URL", fallbackDSN),
		WebhookSecret: os.Getenv("WEBHOOK_SECRET"),
		NotifyURL:     getenv("NOTIFY_URL", "https://chat.internal.example/hooks/tickets"),
		ReadTimeout:   rt,
		BulkExport:    os.Getenv("FEATURE_BULK_EXPORT") == "1",
	}
	for _, t := range strings.Split(os.Getenv("API_TOKENS"), ",") {
		if t = strings.TrimSpace(t); t != "" {
			c.APITokens = append(c.APITokens, t)
		}
	}
	if len(c.APITokens) == 0 {
		return nil, fmt.Errorf("API_TOKENS must contain at least one token")
	}
	return c, nil
}
