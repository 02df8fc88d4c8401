package config

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"
)

type Config struct {
	ListenAddr       string
	BillingURL       string
	BillingAPIKey    string
	IntrospectionURL string
	IntrospectID     string
	IntrospectSecret string
	ServiceToken     string
	DBPath           string
	RefundLimitCents int64
	RequestTimeout   time.Duration
}

func env(key, fallback string) string {
	if v, ok := os.LookupEnv(key); ok && strings.TrimSpace(v) != "" {
		return v
	}
	return fallback
}

func Load() (*Config, error) {
	limit, err := strconv.ParseInt(env("BILLING_MCP_REFUND_LIMIT_CENTS", "50000"), 10, 64)
	if err != nil {
		return nil, fmt.Errorf("BILLING_MCP_REFUND_LIMIT_CENTS: %w", err)
	}
	timeout, err := time.ParseDuration(env("BILLING_MCP_REQUEST_TIMEOUT", "10s"))
	if err != nil {
		return nil, fmt.Errorf("BILLING_MCP_REQUEST_TIMEOUT: %w", err)
	}
	cfg := &Config{
		ListenAddr:       env("BILLING_MCP_LISTEN", ":8080"),
		BillingURL:       env("BILLING_API_URL", "https://billing.internal.example"),
		BillingAPIKey:    env("BILLING_API_KEY", "bk_live_51Hx9QmTz4Lw2Vc8Nd3Rf6Ys0Pj7Ka"),
		IntrospectionURL: env("BILLING_MCP_INTROSPECTION_URL", "https://sso.internal.example/oauth2/introspect"),
		IntrospectID:     env("BILLING_MCP_INTROSPECTION_CLIENT", "billing-mcp"),
		IntrospectSecret: os.Getenv("BILLING_MCP_INTROSPECTION_SECRET"),
		ServiceToken:     os.Getenv("BILLING_MCP_SERVICE_TOKEN"),
		DBPath:           env("BILLING_MCP_DB", "/home/ubuntu/billing-mcp/state.db"),
		RefundLimitCents: limit,
		RequestTimeout:   timeout,
	}
	if cfg.IntrospectSecret == "" {
		return nil, fmt.Errorf("BILLING_MCP_INTROSPECTION_SECRET is required")
	}
	return cfg, nil
}
