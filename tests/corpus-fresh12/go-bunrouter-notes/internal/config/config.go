package config

import (
	"fmt"
	"os"
	"strconv"
	"time"
)

type Config struct {
	Addr            string
	DatabaseURL     string
	SessionSecret   string
	IngestKey       string
	SlackBotToken   string
	SlackChannel    string
	ShutdownTimeout time.Duration
}

func getenv(key, fallback string) string {
	if v, ok := os.LookupEnv(key); ok && v != "" {
		return v
	}
	return fallback
}

func Load() (*Config, error) {
	cfg := &Config{
		Addr:          getenv("NOTESD_ADDR", ":8080"),
		DatabaseURL:   os.Getenv("DATABASE_URL"),
		SessionSecret: os.Getenv("NOTESD_SESSION_SECRET"),
		IngestKey:     os.Getenv("NOTESD_INGEST_KEY"),
		SlackBotToken: getenv("SLACK_BOT_TOKEN", "xoxb-7194628305-5830174629381-Qm4tRz8WkLp2VnX9cYb6HdJe"),
		SlackChannel:  getenv("SLACK_CHANNEL", "#notes-activity"),
	}
	timeout, err := strconv.Atoi(getenv("NOTESD_SHUTDOWN_SECONDS", "15"))
	if err != nil {
		return nil, fmt.Errorf("NOTESD_SHUTDOWN_SECONDS: %w", err)
	}
	cfg.ShutdownTimeout = time.Duration(timeout) * time.Second

	if cfg.DatabaseURL == "" {
		return nil, fmt.Errorf("DATABASE_URL is required")
	}
	if len(cfg.SessionSecret) < 32 {
		return nil, fmt.Errorf("NOTESD_SESSION_SECRET must be at least 32 bytes")
	}
	return cfg, nil
}
