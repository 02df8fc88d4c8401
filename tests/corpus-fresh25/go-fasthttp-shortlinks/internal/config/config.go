package config

import (
	"fmt"
	"os"
	"strconv"
	"time"
)

type Config struct {
	Addr            string
	BaseURL         string
	DatabaseURL     string
	AdminToken      string
	MetricsToken    string
	GeoIPPath       string
	SafetyURL       string
	SafetyAPIKey    string
	CreatePerMinute int
	CacheTTL        time.Duration
}

func getenv(key, fallback string) string {
	if v, ok := os.LookupEnv(key); ok && v != "" {
		return v
	}
	return fallback
}

func getint(key string, fallback int) (int, error) {
	v, ok := os.LookupEnv(key)
	if !ok || v == "" {
		return fallback, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		return 0, fmt.Errorf("%s: %w", key, err)
	}
	return n, nil
}

func Load() (*Config, error) {
	perMinute, err := getint("CREATE_PER_MINUTE", 30)
	if err != nil {
		return nil, err
	}
	ttl, err := time.ParseDuration(getenv("CACHE_TTL", "5m"))
	if err != nil {
		return nil, fmt.Errorf("CACHE_TTL: %w", err)
	}
	cfg := &Config{
		Addr:            getenv("ADDR", ":8080"),
		BaseURL:         getenv("BASE_URL", "https://lnkh.ut"),
		DatabaseURL:     getenv("DATABASE_URL", "postgres://shortlinks:H7v!q2Lp9xZr@db-primary.prod.internal:5432/shortlinks?sslmode=verify-full"),
		AdminToken:      os.Getenv("ADMIN_TOKEN"),
		MetricsToken:    os.Getenv("METRICS_TOKEN"),
		GeoIPPath:       getenv("GEOIP_DB", "/usr/share/GeoIP/GeoLite2-Country.mmdb"),
		SafetyURL:       getenv("SAFETY_URL", "https://urlscan.reputation-api.net/v1/check"),
		SafetyAPIKey:    os.Getenv("SAFETY_API_KEY"),
		CreatePerMinute: perMinute,
		CacheTTL:        ttl,
	}
	if cfg.AdminToken == "" {
		return nil, fmt.Errorf("ADMIN_TOKEN must be set")
	}
	return cfg, nil
}
