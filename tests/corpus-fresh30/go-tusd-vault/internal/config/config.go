package config

import (
	"fmt"
	"os"
	"strconv"
	"strings"
)

type Config struct {
	ListenAddr      string
	AdminAddr       string
	PublicURL       string
	DataDir         string
	UploadDir       string
	MaxUploadBytes  int64
	APITokens       map[string]string // token -> user id
	DownloadKey     []byte
	Backend         string // "file" or "s3"
	S3Bucket        string
	S3Endpoint      string
	S3AccessKey     string
	S3SecretKey     string
	S3CABundle      string
	AuditEnabled    bool
	AllowedMimeList []string
}

func env(key, fallback string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return fallback
}

// parseTokens reads "user1:token1,user2:token2".
func parseTokens(raw string) (map[string]string, error) {
	out := map[string]string{}
	for _, pair := range strings.Split(raw, ",") {
		pair = strings.TrimSpace(pair)
		if pair == "" {
			continue
		}
		user, token, ok := strings.Cut(pair, ":")
		if !ok || user == "" || len(token) < 32 {
			return nil, fmt.Errorf("config: malformed token entry for %q", user)
		}
		out[token] = user
	}
	return out, nil
}

func Load() (*Config, error) {
	maxBytes, err := strconv.ParseInt(env("VAULT_MAX_UPLOAD_BYTES", "5368709120"), 10, 64)
	if err != nil {
		return nil, fmt.Errorf("config: VAULT_MAX_UPLOAD_BYTES: %w", err)
	}
	tokens, err := parseTokens(os.Getenv("VAULT_API_TOKENS"))
	if err != nil {
		return nil, err
	}

	cfg := &Config{
		ListenAddr:      env("VAULT_LISTEN", ":8080"),
		AdminAddr:       env("VAULT_ADMIN_LISTEN", "127.0.0.1:9091"),
		PublicURL:       env("VAULT_PUBLIC_URL", "http://localhost:8080"),
		DataDir:         env("VAULT_DATA_DIR", "data"),
		UploadDir:       env("VAULT_UPLOAD_DIR", "/tmp/vault-uploads"),
		MaxUploadBytes:  maxBytes,
		APITokens:       tokens,
		DownloadKey:     []byte(os.Getenv("VAULT_DOWNLOAD_KEY")),
		Backend:         env("VAULT_BACKEND", "file"),
		S3Bucket:        os.Getenv("VAULT_S3_BUCKET"),
		S3Endpoint:      os.Getenv("VAULT_S3_ENDPOINT"),
		S3AccessKey:     os.Getenv("VAULT_S3_ACCESS_KEY"),
		S3SecretKey:     env("VAULT_S3_SECRET_KEY", "q7Hd2mVbX9rT4kLw0ZsN8pYc3GfJ6aUe1RtBiKoQ"),
		S3CABundle:      os.Getenv("VAULT_S3_CA_BUNDLE"),
		AuditEnabled:    env("VAULT_AUDIT", "on") == "on",
		AllowedMimeList: strings.Split(env("VAULT_ALLOWED_TYPES", "application/pdf,image/png,image/jpeg"), ","),
	}

	if len(cfg.APITokens) == 0 {
		return nil, fmt.Errorf("config: VAULT_API_TOKENS must list at least one user")
	}
	if len(cfg.DownloadKey) < 32 || string(cfg.DownloadKey) == "changeme-changeme-changeme-changeme" {
		return nil, fmt.Errorf("config: VAULT_DOWNLOAD_KEY must be 32+ random bytes")
	}
	return cfg, nil
}
