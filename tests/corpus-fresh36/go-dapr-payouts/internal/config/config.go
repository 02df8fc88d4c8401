// Package config holds settings for the payouts app. Secrets come from the Dapr secret
// store at startup; only non-secret settings and the bank API key are read here.
package config

import (
	"fmt"
	"os"
	"strconv"
)

const (
	PubSubName      = "pubsub"
	SecretStoreName = "vault"
	// Key of the bank's webhook signing secret inside SecretStoreName.
	BankSecretName = "bank-webhook-key"
)

type Config struct {
	Port             string
	AppAPIToken      string
	BankBaseURL      string
	BankAPIKey       string
	BankCAFile       string
	ApprovalLimit    int64
	MinPayoutCents   int64
	StatementArchive string
	BackofficeAppID  string
}

func env(key, fallback string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return fallback
}

func envInt(key string, fallback int64) (int64, error) {
	v := os.Getenv(key)
	if v == "" {
		return fallback, nil
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("%s: %w", key, err)
	}
	return n, nil
}

func Load() (*Config, error) {
	token := os.Getenv("APP_API_TOKEN")
	if token == "" {
		return nil, fmt.Errorf("APP_API_TOKEN must be set (the same value daprd uses)")
	}
	limit, err := envInt("PAYOUT_APPROVAL_LIMIT_CENTS", 500_000)
	if err != nil {
		return nil, err
	}
	minimum, err := envInt("PAYOUT_MINIMUM_CENTS", 2_000)
	if err != nil {
		return nil, err
	}
	return &Config{
		Port:             env("APP_PORT", "6002"),
		AppAPIToken:      token,
		BankBaseURL:      env("BANK_BASE_URL", "https://api.northbank.example/transfers/v1"),
		BankAPIKey:       env("BANK_API_KEY", "nbk_live_7c2e94f1a06b4d3e8f5a9c1b2d7e6f30"),
		BankCAFile:       env("BANK_CA_FILE", ""),
		ApprovalLimit:    limit,
		MinPayoutCents:   minimum,
		StatementArchive: env("STATEMENT_ARCHIVE_DIR", "/Users/mkowalski/stallwise/payouts/statements"),
		BackofficeAppID:  env("BACKOFFICE_APP_ID", "backoffice"),
	}, nil
}
