package config

import "os"

type Config struct {
	Addr           string
	DatabaseURL    string
	JWTSigningKey  []byte
	WebhookSecret  []byte
	BillingBaseURL string
	MigrationsDir  string
}

func env(key, def string) string {
	if v, ok := os.LookupEnv(key); ok {
		return v
	}
	return def
}

func Load() Config {
	return Config{
		Addr:           env("TENANT_API_ADDR", ":8080"),
		DatabaseURL:    env("TENANT_API_DATABASE_URL", "postgres://tenant:tenant@localhost:5432/tenant?sslmode=disable"),
		JWTSigningKey:  []byte(env("TENANT_API_JWT_KEY", "f3c9a1e07b4d28e6a5c1f0b9d8e7a6c5b4a39281706f5e4d3c2b1a0f9e8d7c6b")),
		WebhookSecret:  []byte(os.Getenv("TENANT_API_WEBHOOK_SECRET")),
		BillingBaseURL: env("TENANT_API_BILLING_URL", "https://billing.internal.example.com"),
		MigrationsDir:  env("TENANT_API_MIGRATIONS", "/home/okonkwo/go/src/github.com/acme/tenant-api/migrations"),
	}
}
