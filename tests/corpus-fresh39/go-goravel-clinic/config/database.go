package config

import (
	"github.com/goravel/framework/facades"
)

func init() {
	config := facades.Config()
	config.Add("database", map[string]any{
		"default": config.Env("DB_CONNECTION", "postgres"),
		"connections": map[string]any{
			"postgres": map[string]any{
				"host":     config.Env("DB_HOST", "127.0.0.1"),
				"port":     config.Env("DB_PORT", 5432),
				"database": config.Env("DB_DATABASE", "clinic"),
				"username": config.Env("DB_USERNAME", "clinic"),
				"password": config.Env("DB_PASSWORD", ""),
				"sslmode":  config.Env("DB_SSLMODE", "verify-full"),
				"timezone": "UTC",
				"prefix":   "",
				"singular": false,
			},
		},
		"pool": map[string]any{
			"max_idle_conns":    10,
			"max_open_conns":    50,
			"conn_max_idletime": 3600,
			"conn_max_lifetime": 3600,
		},
		"migrations": "migrations",
	})
}
