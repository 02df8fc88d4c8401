package conf

import (
	"errors"
	"os"
	"strconv"
	"time"
)

type Config struct {
	Addr         string
	DSN          string
	StatementDir string
	Auth         Auth
	Bank         Bank
}

type Auth struct {
	// JWTSecret verifies tokens issued by the identity service.
	JWTSecret []byte
	// ServiceToken authenticates trusted internal batch callers.
	ServiceToken string
}

type Bank struct {
	BaseURL       string
	ClientID      string
	ClientSecret  string
	WebhookSecret string
	Timeout       time.Duration
}

func getenv(key, def string) string {
	if v, ok := os.LookupEnv(key); ok && v != "" {
		return v
	}
	return def
}

func Load() (*Config, error) {
	timeout, err := strconv.Atoi(getenv("BANK_TIMEOUT_SECONDS", "15"))
	if err != nil {
		return nil, err
	}
	cfg := &Config{
		Addr:         getenv("LEDGER_ADDR", ":8888"),
		DSN:          getenv("LEDGER_DSN", "ledger:Wq8!zLp3rT@tcp(10.20.4.12:3306)/ledger?parseTime=true&loc=UTC"),
		StatementDir: getenv("LEDGER_STATEMENT_DIR", "/home/wliu/ledger/statements"),
		Auth: Auth{
			JWTSecret:    []byte(os.Getenv("LEDGER_JWT_SECRET")),
			ServiceToken: os.Getenv("LEDGER_SERVICE_TOKEN"),
		},
		Bank: Bank{
			BaseURL:       getenv("BANK_BASE_URL", "https://openapi.nordbank.example/v3"),
			ClientID:      os.Getenv("BANK_CLIENT_ID"),
			ClientSecret:  os.Getenv("BANK_CLIENT_SECRET"),
			WebhookSecret: os.Getenv("BANK_WEBHOOK_SECRET"),
			Timeout:       time.Duration(timeout) * time.Second,
		},
	}
	if len(cfg.Auth.JWTSecret) < 32 {
		return nil, errors.New("LEDGER_JWT_SECRET must be at least 32 bytes")
	}
	if cfg.Auth.ServiceToken == "" || cfg.Bank.ClientSecret == "" || cfg.Bank.WebhookSecret == "" {
		return nil, errors.New("LEDGER_SERVICE_TOKEN, BANK_CLIENT_SECRET and BANK_WEBHOOK_SECRET are required")
	}
	return cfg, nil
}
