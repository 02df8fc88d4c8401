package config

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

type Config struct {
	GRPCAddr       string
	HTTPAddr       string
	DatabaseURL    string
	JournalPath    string
	SnapshotDir    string
	WarehouseURL   string
	WarehouseQueue string
	CallbackSecret string
	TLSCert        string
	TLSKey         string
	// ClientTokens maps client name -> bearer token, from CLIENT_TOKENS="pos=...,web=..."
	ClientTokens map[string]string
}

func getenv(k, def string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return def
}

func parseTokens(raw string) map[string]string {
	out := map[string]string{}
	for _, pair := range strings.Split(raw, ",") {
		name, tok, ok := strings.Cut(strings.TrimSpace(pair), "=")
		if ok && name != "" && tok != "" {
			out[name] = tok
		}
	}
	return out
}

func FromEnv() (Config, error) {
	home, err := os.UserHomeDir()
	if err != nil {
		return Config{}, fmt.Errorf("resolve home dir: %w", err)
	}
	cfg := Config{
		GRPCAddr:       getenv("GRPC_ADDR", ":9090"),
		HTTPAddr:       getenv("HTTP_ADDR", ":8081"),
		DatabaseURL:    os.Getenv("DATABASE_URL"),
		JournalPath:    getenv("JOURNAL_PATH", "/Users/jpark/src/inventory/var/journal.log"),
		SnapshotDir:    getenv("SNAPSHOT_DIR", filepath.Join(home, ".inventory", "snapshots")),
		WarehouseURL:   getenv("WAREHOUSE_URL", "https://wms.internal.acme-retail.example"),
		WarehouseQueue: os.Getenv("WAREHOUSE_QUEUE_URL"),
		CallbackSecret: os.Getenv("CALLBACK_SECRET"),
		TLSCert:        getenv("TLS_CERT", "/etc/inventory/tls.crt"),
		TLSKey:         getenv("TLS_KEY", "/etc/inventory/tls.key"),
		ClientTokens:   parseTokens(os.Getenv("CLIENT_TOKENS")),
	}
	if cfg.DatabaseURL == "" {
		return Config{}, fmt.Errorf("DATABASE_URL is required")
	}
	return cfg, nil
}
