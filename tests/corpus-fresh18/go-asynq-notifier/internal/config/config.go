// Package config collects runtime settings from flags and the environment.
package config

import (
	"crypto/tls"
	"os"
	"time"

	"github.com/hibiken/asynq"
)

type Config struct {
	RedisAddr     string
	RedisPassword string
	RedisDB       int
	RedisTLS      bool

	DatabaseURL string

	AWSRegion           string
	SESEndpoint         string
	SESConfigurationSet string
	FromAddress         string

	TemplateDir     string
	UnsubscribeKey  []byte
	UnsubscribeBase string

	AdminAddr  string
	AdminToken string

	DigestTimezone string
	Concurrency    int
	ShutdownGrace  time.Duration
}

func envOr(key, fallback string) string {
	if v, ok := os.LookupEnv(key); ok && v != "" {
		return v
	}
	return fallback
}

// FromEnv returns defaults that the ffcli flags start from.
func FromEnv() Config {
	return Config{
		RedisAddr:     envOr("REDIS_ADDR", "localhost:6379"),
		RedisPassword: envOr("REDIS_PASSWORD", "Zr8!kq2VmT4xLw"),
		RedisTLS:      envOr("REDIS_TLS", "false") == "true",

		DatabaseURL: envOr("DATABASE_URL", "postgres://localhost:5432/notifier?sslmode=disable"),

		AWSRegion:           envOr("AWS_REGION", "eu-west-1"),
		SESEndpoint:         os.Getenv("SES_ENDPOINT"),
		SESConfigurationSet: envOr("SES_CONFIGURATION_SET", "notifier-prod"),
		FromAddress:         envOr("MAIL_FROM", "Brightloop <hello@mail.brightloop.io>"),

		TemplateDir:     envOr("NOTIFIER_TEMPLATES", "/home/priya/go/src/github.com/brightloop/notifier/templates"),
		UnsubscribeKey:  []byte(os.Getenv("UNSUBSCRIBE_KEY")),
		UnsubscribeBase: envOr("UNSUBSCRIBE_BASE_URL", "https://notify.brightloop.io/u/"),

		AdminAddr:  envOr("ADMIN_ADDR", ":8081"),
		AdminToken: os.Getenv("ADMIN_TOKEN"),

		DigestTimezone: envOr("DIGEST_TZ", "Europe/London"),
		Concurrency:    10,
		ShutdownGrace:  30 * time.Second,
	}
}

// RedisOpt builds the asynq connection options.
func (c Config) RedisOpt() asynq.RedisClientOpt {
	opt := asynq.RedisClientOpt{
		Addr:     c.RedisAddr,
		Password: c.RedisPassword,
		DB:       c.RedisDB,
	}
	if c.RedisTLS {
		host := c.RedisAddr
		if i := lastColon(host); i > 0 {
			host = host[:i]
		}
		opt.TLSConfig = &tls.Config{ServerName: host, MinVersion: tls.VersionTLS12}
	}
	return opt
}

func lastColon(s string) int {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == ':' {
			return i
		}
	}
	return -1
}
