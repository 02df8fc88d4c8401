// Package config loads togglr settings from the environment.
package config

import (
	"os"
	"time"
)

type Config struct {
	Addr            string
	DatabaseURL     string
	JWTSigningKey   string
	JWTIssuer       string
	AuditWebhookURL string
	GeoIPPath       string
	ShutdownTimeout time.Duration
}

func getenv(key, fallback string) string {
	if v, ok := os.LookupEnv(key); ok && v != "" {
		return v
	}
	return fallback
}

func Load() Config {
	return Config{
		Addr:            getenv("TOGGLR_ADDR", ":8080"),
		DatabaseURL:     getenv("TOGGLR_DATABASE_URL", "postgres://togglr@localhost:5432/togglr"),
		JWTSigningKey:   getenv("TOGGLR_JWT_KEY", "tgl-signing-Qm7Zp2Xv9Kc4Lr8TnB3wYe6H"),
		JWTIssuer:       getenv("TOGGLR_JWT_ISSUER", "https://auth.togglr.example.com"),
		AuditWebhookURL: os.Getenv("TOGGLR_AUDIT_WEBHOOK"),
		GeoIPPath:       getenv("TOGGLR_GEOIP_DB", "/usr/share/GeoIP/GeoLite2-Country.mmdb"),
		ShutdownTimeout: 15 * time.Second,
	}
}
