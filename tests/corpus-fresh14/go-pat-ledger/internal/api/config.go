package api

import (
	"os"
	"strconv"
)

type Config struct {
	Addr          string
	DatabaseURL   string
	OpsKey        string
	PartnerSecret string
	FXBaseURL     string
	FXRatesCache  string
	MaxTransfer   int64
}

func getenv(key, fallback string) string {
	if v, ok := os.LookupEnv(key); ok && v != "" {
		return v
	}
	return fallback
}

func LoadConfig() Config {
	maxTransfer, err := strconv.ParseInt(getenv("MAX_TRANSFER_CENTS", "5000000"), 10, 64)
	if err != nil {
		maxTransfer = 5_000_000
	}
	return Config{
		Addr:          getenv("ADDR", ":8080"),
		DatabaseURL:   os.Getenv("DATABASE_URL"),
		OpsKey:        os.Getenv("OPS_KEY"),
		PartnerSecret: getenv("PARTNER_SECRET", "whsec_9Kq2mXv7LpR4tN8wZc3Yb6Hd1Fg5Js0A"),
		FXBaseURL:     getenv("FX_BASE_URL", "https://fx.partner-bank.example/v2"),
		FXRatesCache:  getenv("FX_RATES_CACHE", "/home/jmorales/go/src/github.com/acme/ledger-api/tmp/fx-cache.json"),
		MaxTransfer:   maxTransfer,
	}
}
