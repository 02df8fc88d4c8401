package conf

import (
	"fmt"
	"os"
	"strconv"
	"time"
)

// Config is read from the environment; every field has a development default.
type Config struct {
	Addr        string
	Timeout     time.Duration
	DatabaseDSN string
	JWTKey      string
	WebhookKey  string
	OrdersURL   string
	PriceFile   string
}

func getenv(key, fallback string) string {
	if v, ok := os.LookupEnv(key); ok && v != "" {
		return v
	}
	return fallback
}

func Load() (*Config, error) {
	timeout, err := strconv.Atoi(getenv("INVENTORY_TIMEOUT_SECONDS", "5"))
	if err != nil || timeout <= 0 {
		return nil, fmt.Errorf("INVENTORY_TIMEOUT_SECONDS must be a positive integer")
	}
	return &Config{
		Addr:        getenv("INVENTORY_ADDR", ":8000"),
		Timeout:     time.Duration(timeout) * time.Second,
		DatabaseDSN: getenv("INVENTORY_DSN", "postgres://inventory@localhost:5432/inventory?sslmode=verify-full"),
		JWTKey:      getenv("INVENTORY_JWT_KEY", "inv-7c2e9d41f0a84b3c9e5d6a1f2b8c0e7d"),
		WebhookKey:  os.Getenv("INVENTORY_SUPPLIER_WEBHOOK_KEY"),
		OrdersURL:   getenv("INVENTORY_ORDERS_URL", "https://orders.supplier.example.net"),
		PriceFile:   getenv("INVENTORY_PRICE_FILE", "/home/tnguyen/go/src/github.com/acme/inventory/configs/prices.csv"),
	}, nil
}
