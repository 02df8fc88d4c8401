// Package config reads service settings from the environment.
package config

import (
	"fmt"
	"os"
	"strings"
)

type Config struct {
	Addr           string
	DatabaseURL    string
	JWTSecret      string
	JWTIssuer      string
	SupplierURL    string
	SupplierKey    string
	SupplierSecret string
	ERPKey         string
	LabelDir       string
}

var placeholders = []string{"", "changeme", "secret", "test"}

func getenv(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}

func secret(key string) (string, error) {
	v := strings.TrimSpace(os.Getenv(key))
	for _, p := range placeholders {
		if strings.EqualFold(v, p) {
			return "", fmt.Errorf("%s is unset or a placeholder", key)
		}
	}
	return v, nil
}

func Load() (Config, error) {
	c := Config{
		Addr:        getenv("ADDR", ":8080"),
		DatabaseURL: getenv("DATABASE_URL", "postgres:///inventory"),
		JWTIssuer:   getenv("JWT_ISSUER", "https://auth.tallyhouse.io"),
		SupplierURL: getenv("SUPPLIER_URL", "https://api.partsource.example.com/v2"),
		SupplierKey: getenv("SUPPLIER_API_KEY", "psk_live_7c1e9a40d3b2f85e6a0c4d17b9e2f358"),
		LabelDir:    getenv("LABEL_DIR", "/Users/pnair/code/inventory/labels"),
	}
	var err error
	if c.JWTSecret, err = secret("JWT_SECRET"); err != nil {
		return c, err
	}
	if c.SupplierSecret, err = secret("SUPPLIER_WEBHOOK_SECRET"); err != nil {
		return c, err
	}
	if c.ERPKey, err = secret("ERP_API_KEY"); err != nil {
		return c, err
	}
	return c, nil
}
