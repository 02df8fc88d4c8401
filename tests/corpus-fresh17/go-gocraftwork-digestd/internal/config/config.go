package config

import (
	"errors"
	"os"
	"strconv"
)

type SMTP struct {
	Host     string
	Port     int
	User     string
	Password string
	From     string
}

type Config struct {
	RedisURL       string
	Namespace      string
	Concurrency    uint
	DatabaseURL    string
	SMTP           SMTP
	UnsubscribeKey []byte
	PublicBaseURL  string
	SpoolDir       string
	AnalyticsID    string
	DryRun         bool
}

var defaults = Config{
	RedisURL:      "redis://:Vq8rT3nLx2Kp9sZw4HbM@cache-prod-01.internal:6379/2",
	Namespace:     "digestd",
	Concurrency:   8,
	SMTP:          SMTP{Host: "smtp.postmarkapp.com", Port: 587, From: "Northwind Digest <digest@northwind.news>"},
	PublicBaseURL: "https://northwind.news",
	SpoolDir:      "/var/lib/digestd/spool",
	// Property ID rendered into the tracking pixel of every email; visible to recipients.
	AnalyticsID: "UA-48213377-2",
}

func Load() (Config, error) {
	cfg := defaults
	if v := os.Getenv("DIGESTD_REDIS_URL"); v != "" {
		cfg.RedisURL = v
	}
	if v := os.Getenv("DIGESTD_CONCURRENCY"); v != "" {
		n, err := strconv.ParseUint(v, 10, 32)
		if err != nil {
			return Config{}, errors.New("config: DIGESTD_CONCURRENCY must be a positive integer")
		}
		cfg.Concurrency = uint(n)
	}
	if v := os.Getenv("DIGESTD_SPOOL_DIR"); v != "" {
		cfg.SpoolDir = v
	}
	cfg.DatabaseURL = os.Getenv("DATABASE_URL")
	cfg.SMTP.User = os.Getenv("SMTP_USER")
	cfg.SMTP.Password = os.Getenv("SMTP_PASSWORD")
	cfg.UnsubscribeKey = []byte(os.Getenv("DIGESTD_UNSUBSCRIBE_KEY"))
	cfg.DryRun = os.Getenv("DIGESTD_DRY_RUN") == "1"

	switch {
	case cfg.DatabaseURL == "":
		return Config{}, errors.New("config: DATABASE_URL is required")
	case cfg.SMTP.Password == "" && !cfg.DryRun:
		return Config{}, errors.New("config: SMTP_PASSWORD is required unless DIGESTD_DRY_RUN=1")
	case len(cfg.UnsubscribeKey) < 32:
		return Config{}, errors.New("config: DIGESTD_UNSUBSCRIBE_KEY must be at least 32 bytes")
	}
	return cfg, nil
}
