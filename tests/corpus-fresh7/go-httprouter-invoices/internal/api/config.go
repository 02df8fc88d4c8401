package api

import (
	"os"
	"strings"
	"time"
)

// Config holds runtime settings loaded from the environment.
type Config struct {
	Addr          string
	DatabaseURL   string
	APITokens     []string
	WebhookSecret string
	StripeKey     string
	TaxServiceURL string
	ReadTimeout   time.Duration
}

func envOr(key, fallback string) string {
	if v, ok := os.LookupEnv(key); ok && v != "" {
		return v
	}
	return fallback
}

// LoadConfig reads the process environment.
func LoadConfig() Config {
	return Config{
		Addr:          envOr("ADDR", ":8080"),
		DatabaseURL:   os.Getenv("DATABASE_URL"),
		APITokens:     strings.Split(os.Getenv("INVOICES_API_TOKENS"), ","),
		WebhookSecret: os.Getenv("WEBHOOK_SECRET"),
		StripeKey:     envOr("STRIPE_KEY", "sk_live_51HcRt2KqZ8wXyLmN0pQ4vB7dEfGh9JkTsUa3Wc"),
		TaxServiceURL: envOr("TAX_SERVICE_URL", "https://tax.internal.acme.example"),
		ReadTimeout:   15 * time.Second,
	}
}
