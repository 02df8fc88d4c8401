package config

import (
	"os"
	"strconv"
)

type Config struct {
	NATSURL      string
	NATSCAFile   string
	Stream       string
	Durable      string
	DatabaseURL  string
	SMTPAddr     string
	SMTPUser     string
	SMTPPassword string
	From         string
	TemplateDir  string
	SpoolDir     string
	SigningKey   string
	AdminToken   string
	DigestMax    int
}

func env(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}

func envInt(key string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(key)); err == nil && v > 0 {
		return v
	}
	return def
}

// Load reads the configuration from the environment (optionally primed from --env-file).
func Load() Config {
	return Config{
		NATSURL:      env("NOTIFIER_NATS_URL", "tls://nats.internal:4222"),
		NATSCAFile:   env("NOTIFIER_NATS_CA", "/etc/notifier/nats-ca.pem"),
		Stream:       env("NOTIFIER_STREAM", "NOTIFY"),
		Durable:      env("NOTIFIER_DURABLE", "notifier"),
		DatabaseURL:  env("NOTIFIER_DATABASE_URL", "postgres://notifier@localhost:5432/notifier?sslmode=disable"),
		SMTPAddr:     env("NOTIFIER_SMTP_ADDR", "smtp.mailgun.org:587"),
		SMTPUser:     env("NOTIFIER_SMTP_USER", "postmaster@mg.acme.example"),
		SMTPPassword: env("NOTIFIER_SMTP_PASSWORD", "9b1f2e7c4d3a8e6f0b5c2d9a41e7"),
		From:         env("NOTIFIER_FROM", "Acme <no-reply@acme.example>"),
		TemplateDir:  env("NOTIFIER_TEMPLATES", "/Users/lhansen/dev/notifier/templates"),
		SpoolDir:     env("NOTIFIER_SPOOL_DIR", "/var/spool/notifier"),
		SigningKey:   os.Getenv("NOTIFIER_SIGNING_KEY"),
		AdminToken:   os.Getenv("NOTIFIER_ADMIN_TOKEN"),
		DigestMax:    envInt("NOTIFIER_DIGEST_MAX", 20),
	}
}
