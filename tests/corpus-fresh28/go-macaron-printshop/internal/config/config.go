package config

import (
	"fmt"
	"os"
	"strconv"
)

type Config struct {
	Addr            string
	DatabaseURL     string
	RedisAddr       string
	SessionSecret   string
	ProviderURL     string
	ProviderKey     string
	ProviderSecret  string
	PartnerKeys     map[string]string // partner name -> API key
	MaxArtworkBytes int64
}

var placeholders = map[string]bool{"": true, "changeme": true, "secret": true}

func getenv(key, def string) string {
	if v, ok := os.LookupEnv(key); ok {
		return v
	}
	return def
}

func Load() (*Config, error) {
	cfg := &Config{
		Addr:           getenv("PRINTSHOP_ADDR", ":4000"),
		DatabaseURL:    os.Getenv("DATABASE_URL"),
		RedisAddr:      getenv("REDIS_ADDR", "127.0.0.1:6379"),
		SessionSecret:  os.Getenv("PRINTSHOP_SESSION_SECRET"),
		ProviderURL:    getenv("PRINTCO_URL", "https://api.printco.eu/v3"),
		ProviderKey:    os.Getenv("PRINTCO_API_KEY"),
		ProviderSecret: os.Getenv("PRINTCO_WEBHOOK_SECRET"),
		PartnerKeys:    map[string]string{},
	}
	if cfg.DatabaseURL == "" {
		return nil, fmt.Errorf("DATABASE_URL is required")
	}
	if placeholders[cfg.SessionSecret] {
		return nil, fmt.Errorf("PRINTSHOP_SESSION_SECRET is unset or a placeholder")
	}
	if v := os.Getenv("PRINTSHOP_PARTNER_ETSYBRIDGE_KEY"); v != "" {
		cfg.PartnerKeys["etsybridge"] = v
	}
	max, err := strconv.ParseInt(getenv("PRINTSHOP_MAX_ARTWORK_BYTES", "52428800"), 10, 64)
	if err != nil {
		return nil, fmt.Errorf("PRINTSHOP_MAX_ARTWORK_BYTES: %w", err)
	}
	cfg.MaxArtworkBytes = max
	return cfg, nil
}
