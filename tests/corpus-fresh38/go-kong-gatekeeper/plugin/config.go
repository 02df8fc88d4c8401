package main

import (
	"net/http"
	"strings"
	"sync"
	"time"
)

// Config is the per-route plugin configuration Kong hands to every phase.
type Config struct {
	// Mode is one of "api-key", "hmac", "jwt" or "mtls".
	Mode string `json:"mode"`

	KeyHeader     string `json:"key_header"`
	KeystoreURL   string `json:"keystore_url"`
	KeystoreToken string `json:"keystore_token"`

	// HMACSecrets maps a key id to its shared secret (use Kong vault references).
	HMACSecrets          map[string]string `json:"hmac_secrets"`
	HMACClockSkewSeconds int               `json:"hmac_clock_skew_seconds"`

	JWTPublicKeyFile string `json:"jwt_public_key_file"`
	JWTIssuer        string `json:"jwt_issuer"`
	JWTAudience      string `json:"jwt_audience"`

	IntrospectionURL          string `json:"introspection_url"`
	IntrospectionClientID     string `json:"introspection_client_id"`
	IntrospectionClientSecret string `json:"introspection_client_secret"`

	RateLimit              int    `json:"rate_limit"`
	RateLimitWindowSeconds int    `json:"rate_limit_window_seconds"`
	RedisAddr              string `json:"redis_addr"`
	RedisTLS               bool   `json:"redis_tls"`

	// AnonymousPaths are exact request paths on this route that skip authentication,
	// e.g. "/.well-known/openid-configuration".
	AnonymousPaths []string `json:"anonymous_paths"`
}

// New returns the defaults Kong merges the route's configuration into.
func New() interface{} {
	return &Config{
		Mode:                      "api-key",
		KeyHeader:                 "apikey",
		HMACClockSkewSeconds:      300,
		JWTPublicKeyFile:          "/Users/ahmed/gatekeeper/keys/jwt_pub.pem",
		IntrospectionClientID:     "kong-gatekeeper",
		IntrospectionClientSecret: "gk_cs_3xT9vQ2mW8rZ5kL1pN7cB4yH6dF0sJ",
		RateLimit:                 600,
		RateLimitWindowSeconds:    60,
	}
}

func (conf Config) isAnonymous(path string) bool {
	for _, p := range conf.AnonymousPaths {
		if path == p {
			return true
		}
	}
	return false
}

func (conf Config) window() time.Duration {
	if conf.RateLimitWindowSeconds <= 0 {
		return time.Minute
	}
	return time.Duration(conf.RateLimitWindowSeconds) * time.Second
}

var jsonHeaders = map[string][]string{"Content-Type": {"application/json"}}

func errorBody(message string) []byte {
	return []byte(`{"message":"` + strings.ReplaceAll(message, `"`, `'`) + `"}`)
}

// Shared HTTP client for keystore lookups.
var (
	keystoreHTTPOnce sync.Once
	keystoreHTTP     *http.Client
)

func keystoreClient() *http.Client {
	keystoreHTTPOnce.Do(func() {
		keystoreHTTP = &http.Client{Timeout: 3 * time.Second}
	})
	return keystoreHTTP
}
