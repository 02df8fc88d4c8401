package config

import (
	"fmt"
	"os"
	"strconv"
	"time"
)

type Config struct {
	Addr           string
	DatabaseURL    string
	JWTSecret      []byte
	InternalKey    string
	WebhookSecret  []byte
	PaymentsURL    string
	RequestTimeout time.Duration
}

func Load() (*Config, error) {
	cfg := &Config{
		Addr:          getenv("ORDERS_ADDR", ":8080"),
		DatabaseURL:   os.Getenv("DATABASE_URL"),
		InternalKey:   os.Getenv("ORDERS_INTERNAL_KEY"),
		WebhookSecret: []byte(os.Getenv("PAYMENTS_WEBHOOK_SECRET")),
		PaymentsURL:   getenv("PAYMENTS_URL", "https://payments.internal.acme.net"),
	}
	if cfg.DatabaseURL == "" {
		return nil, fmt.Errorf("DATABASE_URL is required")
	}

	secret := os.Getenv("JWT_SIGNING_SECRET")
	if secret == "" {
		secret = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
	}
	cfg.JWTSecret = []byte(secret)

	timeout, err := strconv.Atoi(getenv("ORDERS_REQUEST_TIMEOUT_SECONDS", "15"))
	if err != nil {
		return nil, fmt.Errorf("ORDERS_REQUEST_TIMEOUT_SECONDS: %w", err)
	}
	cfg.RequestTimeout = time.Duration(timeout) * time.Second
	return cfg, nil
}

func getenv(key, def string) string {
	if v, ok := os.LookupEnv(key); ok {
		return v
	}
	return def
}
