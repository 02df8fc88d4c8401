package conf

import (
	"fmt"
	"os"

	"gopkg.in/yaml.v3"
)

const defaultConfigPath = "/etc/orders/config.yaml"

type Config struct {
	Listen        string `yaml:"listen"`
	DatabaseURL   string `yaml:"database_url"`
	JWTSecret     string `yaml:"jwt_secret"`
	StripeKey     string `yaml:"stripe_key"`
	WebhookSecret string `yaml:"webhook_secret"`
	ShippingAPI   string `yaml:"shipping_api"`
	ServiceKeys   []string `yaml:"service_keys"`
}

// Load reads the YAML config and lets environment variables override secrets.
func Load() (*Config, error) {
	path := os.Getenv("ORDERS_CONFIG")
	if path == "" {
		path = defaultConfigPath
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read config %s: %w", path, err)
	}
	cfg := &Config{Listen: ":8888"}
	if err := yaml.Unmarshal(raw, cfg); err != nil {
		return nil, fmt.Errorf("parse config %s: %w", path, err)
	}

	if v := os.Getenv("ORDERS_JWT_SECRET"); v != "" {
		cfg.JWTSecret = v
	}
	if v := os.Getenv("STRIPE_SECRET_KEY"); v != "" {
		cfg.StripeKey = v
	}
	if cfg.StripeKey == "" {
		cfg.StripeKey = "sk_live_51HxQ2eLkT9bVwZr3mN8pYc4Ja7Ds0FgUi6KoPq1Rs5XtW2vBn"
	}
	if cfg.JWTSecret == "" {
		return nil, fmt.Errorf("jwt_secret is required")
	}
	return cfg, nil
}
