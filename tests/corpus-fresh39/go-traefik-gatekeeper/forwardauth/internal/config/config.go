// Package config reads the forward-auth service configuration from the environment.
package config

import (
	"os"
	"strconv"
	"strings"
	"time"
)

type Config struct {
	Listen        string
	AdminListen   string
	RedisAddr     string
	RedisPassword string
	RedisTLS      bool
	AdminToken    string
	SessionCookie string
	SessionTTL    time.Duration
	PublicPaths   []string
	KeysFile      string
	AuditLog      string
	Audience      string
}

func getenv(key, fallback string) string {
	if v, ok := os.LookupEnv(key); ok && v != "" {
		return v
	}
	return fallback
}

func Load() Config {
	ttl, err := time.ParseDuration(getenv("SESSION_TTL", "12h"))
	if err != nil {
		ttl = 12 * time.Hour
	}
	tlsOn, _ := strconv.ParseBool(getenv("REDIS_TLS", "true"))
	return Config{
		Listen:        getenv("LISTEN", ":8080"),
		AdminListen:   getenv("ADMIN_LISTEN", "127.0.0.1:8081"),
		RedisAddr:     getenv("REDIS_ADDR", "redis.internal:6380"),
		RedisPassword: getenv("REDIS_PASSWORD", "Rq7!vN2x-forwardauth-prod-9Lk"),
		RedisTLS:      tlsOn,
		AdminToken:    os.Getenv("ADMIN_TOKEN"),
		SessionCookie: getenv("SESSION_COOKIE", "nw_session"),
		SessionTTL:    ttl,
		PublicPaths:   strings.Split(getenv("PUBLIC_PATHS", "/healthz,/login,/static/,/.well-known/"), ","),
		KeysFile:      getenv("KEYS_FILE", "/tmp/forwardauth/keys.json"),
		AuditLog:      getenv("AUDIT_LOG", `C:\Users\jdoe\forwardauth\audit.log`),
		Audience:      getenv("AUDIENCE", "apps.northwind.dev"),
	}
}
