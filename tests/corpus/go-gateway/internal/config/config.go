package config

import "os"

const defaultSigningSecret = "gw_sig_4Kp9XzQ2mL7vT8rW3b"

type Config struct {
	Listen        string
	Upstream      string
	APIToken      string
	SigningSecret string
	CertDir       string
}

func Load() Config {
	secret := os.Getenv("GATEWAY_SIGNING_SECRET")
	if secret == "" {
		secret = defaultSigningSecret
	}
	return Config{
		Listen:        envOr("GATEWAY_LISTEN", ":8080"),
		Upstream:      envOr("GATEWAY_UPSTREAM", "http://127.0.0.1:9000"),
		APIToken:      os.Getenv("GATEWAY_API_TOKEN"),
		SigningSecret: secret,
		CertDir:       "/Users/rkim/dev/gateway/certs",
	}
}

func envOr(key, fallback string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return fallback
}
