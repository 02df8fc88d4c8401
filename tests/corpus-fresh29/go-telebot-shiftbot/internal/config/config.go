// Package config reads shiftbot settings from the environment.
package config

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"
)

type Config struct {
	DBPath         string
	RotaBaseURL    string
	RotaAPIKey     string
	RotaWebhookKey string
	WebhookAddr    string
	ManagerIDs     []int64
	TeamChatID     int64
	Timezone       *time.Location
	DryRun         bool
}

var placeholders = map[string]bool{"": true, "changeme": true, "TODO": true, "your-token-here": true}

func env(key, def string) string {
	if v, ok := os.LookupEnv(key); ok {
		return v
	}
	return def
}

func secret(key string) (string, error) {
	v := os.Getenv(key)
	if placeholders[strings.TrimSpace(v)] {
		return "", fmt.Errorf("%s must be set", key)
	}
	return v, nil
}

func parseIDs(s string) ([]int64, error) {
	var ids []int64
	for _, part := range strings.Split(s, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		id, err := strconv.ParseInt(part, 10, 64)
		if err != nil {
			return nil, fmt.Errorf("manager id %q: %w", part, err)
		}
		ids = append(ids, id)
	}
	return ids, nil
}

// Load reads the configuration; the bot token is read by main.
func Load() (*Config, error) {
	cfg := &Config{
		DBPath:      env("SHIFTBOT_DB", "/tmp/shiftbot/shiftbot.db"),
		RotaBaseURL: env("ROTA_URL", "https://api.rotaplan.example/v2"),
		WebhookAddr: env("WEBHOOK_ADDR", ":8090"),
		DryRun:      os.Getenv("SHIFTBOT_DRY_RUN") == "1",
	}
	var err error
	if cfg.RotaAPIKey, err = secret("ROTA_API_KEY"); err != nil {
		return nil, err
	}
	if cfg.RotaWebhookKey, err = secret("ROTA_WEBHOOK_KEY"); err != nil {
		return nil, err
	}
	if cfg.ManagerIDs, err = parseIDs(os.Getenv("MANAGER_IDS")); err != nil {
		return nil, err
	}
	if len(cfg.ManagerIDs) == 0 {
		return nil, fmt.Errorf("MANAGER_IDS must list at least one Telegram user id")
	}
	if cfg.TeamChatID, err = strconv.ParseInt(env("TEAM_CHAT_ID", "0"), 10, 64); err != nil {
		return nil, fmt.Errorf("TEAM_CHAT_ID: %w", err)
	}
	if cfg.Timezone, err = time.LoadLocation(env("SHIFTBOT_TZ", "Europe/London")); err != nil {
		return nil, err
	}
	return cfg, nil
}
