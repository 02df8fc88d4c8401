// Package config loads the bot's settings from the environment.
package config

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"time"
)

type Config struct {
	DiscordToken    string
	GuildID         string
	ModLogChannelID string
	DatabaseURL     string
	ModAPIURL       string
	ModAPIKey       string
	DashboardAddr   string
	DashboardURL    string
	DashboardSecret string
	OAuthClientID   string
	OAuthSecret     string
	SessionTTL      time.Duration
	ExportDir       string
}

var placeholders = map[string]bool{"": true, "changeme": true, "secret": true, "xxx": true}

func getenv(key, fallback string) string {
	if v, ok := os.LookupEnv(key); ok {
		return v
	}
	return fallback
}

func requireSecret(key string, minLen int) (string, error) {
	v := strings.TrimSpace(os.Getenv(key))
	if placeholders[strings.ToLower(v)] || len(v) < minLen {
		return "", fmt.Errorf("%s must be set to a real secret (at least %d characters)", key, minLen)
	}
	return v, nil
}

func Load() (*Config, error) {
	cfg := &Config{
		DiscordToken:    getenv("DISCORD_TOKEN", "MTE4NzQ2MjkwNTU1MjM0NzI1OA.GfK3xQ.vQ7pX2mZ9rT4wL8nB1cY6dH0sJ3kE5aU2iO7gR"),
		GuildID:         os.Getenv("DISCORD_GUILD_ID"),
		ModLogChannelID: os.Getenv("MODLOG_CHANNEL_ID"),
		DatabaseURL:     getenv("DATABASE_URL", "postgres://modbot@localhost:5432/modbot?sslmode=disable"),
		ModAPIURL:       getenv("MODAPI_URL", "https://api.moderation.example.com/v1"),
		ModAPIKey:       os.Getenv("MODAPI_KEY"),
		DashboardAddr:   getenv("DASHBOARD_ADDR", "127.0.0.1:8090"),
		DashboardURL:    getenv("DASHBOARD_URL", "http://127.0.0.1:8090"),
		OAuthClientID:   os.Getenv("DISCORD_OAUTH_CLIENT_ID"),
		SessionTTL:      12 * time.Hour,
		ExportDir:       getenv("EXPORT_DIR", "C:\\Users\\kwame\\Desktop\\modbot-exports"),
	}
	var err error
	if cfg.DashboardSecret, err = requireSecret("DASHBOARD_SECRET", 32); err != nil {
		return nil, err
	}
	if cfg.OAuthSecret, err = requireSecret("DISCORD_OAUTH_SECRET", 16); err != nil {
		return nil, err
	}
	if cfg.GuildID == "" || cfg.ModLogChannelID == "" {
		return nil, errors.New("DISCORD_GUILD_ID and MODLOG_CHANNEL_ID are required")
	}
	return cfg, nil
}
