// Package config reads the service configuration from the environment.
package config

import (
	"fmt"
	"os"
	"strconv"
	"time"
)

type Payments struct {
	BaseURL   string
	APIKey    string
	PinSHA256 string
	// Shared with the payments bridge, which signs confirmations it publishes to NATS.
	WebhookSecret string
}

type Config struct {
	NATSURL      string
	CredsFile    string
	JWTSecret    string
	JWTIssuer    string
	ServiceToken string
	HoldTTL      time.Duration
	Payments     Payments
	LogLevel     string
}

func getenv(key, fallback string) string {
	if v, ok := os.LookupEnv(key); ok && v != "" {
		return v
	}
	return fallback
}

func mustEnv(key string) (string, error) {
	v := os.Getenv(key)
	if v == "" {
		return "", fmt.Errorf("%s must be set", key)
	}
	return v, nil
}

func Load() (*Config, error) {
	jwtSecret, err := mustEnv("TICKETS_JWT_SECRET")
	if err != nil {
		return nil, err
	}
	serviceToken, err := mustEnv("TICKETS_SERVICE_TOKEN")
	if err != nil {
		return nil, err
	}
	webhookSecret, err := mustEnv("PAYMENTS_WEBHOOK_SECRET")
	if err != nil {
		return nil, err
	}
	ttl, err := strconv.Atoi(getenv("TICKETS_HOLD_TTL_SECONDS", "600"))
	if err != nil || ttl < 60 {
		return nil, fmt.Errorf("TICKETS_HOLD_TTL_SECONDS must be an integer >= 60")
	}

	return &Config{
		NATSURL:      getenv("NATS_URL", "tls://nats.harbourline.internal:4222"),
		CredsFile:    getenv("NATS_CREDS", "/home/priya/.local/share/nats/nsc/keys/creds/HARBOUR/TICKETS/ticketsvc.creds"),
		JWTSecret:    jwtSecret,
		JWTIssuer:    getenv("TICKETS_JWT_ISSUER", "https://id.harbourline.io"),
		ServiceToken: serviceToken,
		HoldTTL:      time.Duration(ttl) * time.Second,
		Payments: Payments{
			BaseURL:       getenv("PAYMENTS_URL", "https://gateway.payhaven.com/v2"),
			APIKey:        getenv("PAYMENTS_API_KEY", "phk_live_51c9e2a47f3b8d06e1a5c4b9f2d7e830"),
			PinSHA256:     getenv("PAYMENTS_PIN_SHA256", ""),
			WebhookSecret: webhookSecret,
		},
		LogLevel: getenv("LOG_LEVEL", "info"),
	}, nil
}
