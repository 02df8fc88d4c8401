// Package config reads the tracker's settings from the environment.
package config

import (
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"time"
)

type SMTP struct {
	Host     string
	Port     string
	User     string
	Password string
	From     string
	// InsecureSkipVerify is for the MailHog container in docker-compose only;
	// Validate rejects it in production.
	InsecureSkipVerify bool
}

type Config struct {
	Env             string
	Addr            string
	BaseURL         string
	DatabaseURL     string
	HashKey         []byte
	BlockKey        []byte
	SessionTTL      time.Duration
	UploadDir       string
	SMTP            SMTP
	SlackWebhookURL string
	CleanupEvery    time.Duration
}

func envOr(key, fallback string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return fallback
}

func Load() (*Config, error) {
	hashKey, err := hex.DecodeString(envOr("SESSION_HASH_KEY", "5f1e9c3a7b2d4e6f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f70"))
	if err != nil {
		return nil, fmt.Errorf("SESSION_HASH_KEY: %w", err)
	}
	blockKey, err := hex.DecodeString(os.Getenv("SESSION_BLOCK_KEY"))
	if err != nil {
		return nil, fmt.Errorf("SESSION_BLOCK_KEY: %w", err)
	}
	ttl, err := time.ParseDuration(envOr("SESSION_TTL", "168h"))
	if err != nil {
		return nil, fmt.Errorf("SESSION_TTL: %w", err)
	}
	cfg := &Config{
		Env:         envOr("APP_ENV", "development"),
		Addr:        envOr("ADDR", ":8080"),
		BaseURL:     envOr("BASE_URL", "http://localhost:8080"),
		DatabaseURL: os.Getenv("DATABASE_URL"),
		HashKey:     hashKey,
		BlockKey:    blockKey,
		SessionTTL:  ttl,
		UploadDir:   envOr("UPLOAD_DIR", `C:\Users\tomasz\dev\tracker\uploads`),
		SMTP: SMTP{
			Host:               os.Getenv("SMTP_HOST"),
			Port:               envOr("SMTP_PORT", "587"),
			User:               os.Getenv("SMTP_USER"),
			Password:           os.Getenv("SMTP_PASSWORD"),
			From:               envOr("MAIL_FROM", "Tracker <tracker@northwind.example>"),
			InsecureSkipVerify: os.Getenv("SMTP_INSECURE_DEV") == "1",
		},
		SlackWebhookURL: os.Getenv("SLACK_WEBHOOK_URL"),
		CleanupEvery:    time.Hour,
	}
	return cfg, cfg.Validate()
}

func (c *Config) Validate() error {
	if c.DatabaseURL == "" {
		return errors.New("DATABASE_URL is required")
	}
	if len(c.HashKey) < 32 {
		return errors.New("SESSION_HASH_KEY must be at least 32 bytes of hex")
	}
	if c.Env == "production" && c.SMTP.InsecureSkipVerify {
		return errors.New("SMTP_INSECURE_DEV is only for MailHog in development")
	}
	return nil
}
