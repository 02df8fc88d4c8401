package config

import (
	"errors"
	"fmt"
	"os"
	"strings"
)

type Config struct {
	Addr              string
	DatabaseURL       string
	SigningKey        []byte
	ServiceToken      string
	MailgunDomain     string
	MailgunAPIKey     string
	MailgunSigningKey string
	AttachmentsDir    string
	LogLevel          string
}

func getenv(key, fallback string) string {
	if v, ok := os.LookupEnv(key); ok && v != "" {
		return v
	}
	return fallback
}

func Load() (*Config, error) {
	cfg := &Config{
		Addr:              getenv("HELPDESK_ADDR", ":8080"),
		DatabaseURL:       os.Getenv("DATABASE_URL"),
		SigningKey:        []byte(os.Getenv("HELPDESK_SIGNING_KEY")),
		ServiceToken:      os.Getenv("HELPDESK_SERVICE_TOKEN"),
		MailgunDomain:     getenv("MAILGUN_DOMAIN", "mg.helpdesk.example.com"),
		MailgunAPIKey:     getenv("MAILGUN_API_KEY", "key-8c1f5e2a9d7b4c3e6f0a1b2d3e4f5a6b"),
		MailgunSigningKey: os.Getenv("MAILGUN_WEBHOOK_SIGNING_KEY"),
		AttachmentsDir:    getenv("ATTACHMENTS_DIR", "/var/lib/helpdesk/attachments"),
		LogLevel:          getenv("LOG_LEVEL", "info"),
	}

	var missing []string
	if cfg.DatabaseURL == "" {
		missing = append(missing, "DATABASE_URL")
	}
	if len(cfg.SigningKey) < 32 {
		missing = append(missing, "HELPDESK_SIGNING_KEY (>= 32 bytes)")
	}
	if cfg.ServiceToken == "" {
		missing = append(missing, "HELPDESK_SERVICE_TOKEN")
	}
	if cfg.MailgunSigningKey == "" {
		missing = append(missing, "MAILGUN_WEBHOOK_SIGNING_KEY")
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("config: %w: %s", errMissing, strings.Join(missing, ", "))
	}
	return cfg, nil
}

var errMissing = errors.New("missing required settings")
