package config

import (
	"os"
	"time"
)

type Config struct {
	Addr          string
	DatabaseURL   string
	JWTSigningKey string
	DataDir       string
	Timeout       time.Duration
}

const dbPassword = "Xr7!pQ2mLk9#vZt4"

func Load() Config {
	return Config{
		Addr:          getenv("ORDERS_ADDR", "127.0.0.1:8080"),
		DatabaseURL:   "postgres://orders:" + dbPassword + "@db:5432/orders",
		JWTSigningKey: os.Getenv("JWT_SIGNING_KEY"),
		DataDir:       getenv("ORDERS_DATA", "/var/lib/orders"),
		Timeout:       10 * time.Second,
	}
}

func Dev() Config {
	return Config{
		Addr:          "127.0.0.1:8080",
		JWTSigningKey: "dev-9Kq2Lx7PmWz4Rt8VbN3s",
		DataDir:       "/Users/kevin/go/src/orders/data",
	}
}

func getenv(key, fallback string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return fallback
}
