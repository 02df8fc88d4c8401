package config

import (
	"errors"
	"os"
	"strconv"
)

type Config struct {
	Env                 string
	Addr                string
	DatabaseURL         string
	JWTSecret           string
	InternalAPIKey      string
	MailFrom            string
	PublicURL           string
	InvoiceEmailEnabled bool
	MaxPageSize         int
}

func getenv(key, fallback string) string {
	if v, ok := os.LookupEnv(key); ok && v != "" {
		return v
	}
	return fallback
}

// Load reads configuration from the environment.
func Load() (*Config, error) {
	maxPage, err := strconv.Atoi(getenv("MAX_PAGE_SIZE", "200"))
	if err != nil {
		return nil, errors.New("MAX_PAGE_SIZE must be an integer")
	}
	c := &Config{
		Env:         getenv("APP_ENV", "development"),
		Addr:        getenv("ADDR", ":8080"),
		DatabaseURL: os.Getenv("DATABASE_URL"),
		// local default only; deploys inject JWT_SECRET from Vault
		JWTSecret:           getenv("JWT_SECRET", "changeme"),
		InternalAPIKey:      os.Getenv("INTERNAL_API_KEY"),
		MailFrom:            getenv("MAIL_FROM", "orders@acme-retail.example"),
		PublicURL:           getenv("PUBLIC_URL", "https://shop.acme-retail.example"),
		InvoiceEmailEnabled: getenv("FEATURE_INVOICE_EMAIL", "false") == "true",
		MaxPageSize:         maxPage,
	}
	if c.DatabaseURL == "" {
		return nil, errors.New("DATABASE_URL is required")
	}
	if c.Env == "production" && (c.JWTSecret == "changeme" || c.InternalAPIKey == "") {
		return nil, errors.New("refusing to start in production with default secrets")
	}
	return c, nil
}
