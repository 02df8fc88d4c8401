package config

import (
	"github.com/goravel/framework/facades"
)

func init() {
	config := facades.Config()
	config.Add("services", map[string]any{
		"lab": map[string]any{
			"base_url":      config.Env("LAB_API_URL", "https://api.northlab.example/v2"),
			"api_key":       config.Env("LAB_API_KEY", ""),
			"webhook_token": config.Env("LAB_WEBHOOK_TOKEN", ""),
			"timeout":       10,
		},
		"reminders": map[string]any{
			"lead_hours": config.Env("REMINDER_LEAD_HOURS", 24),
		},
	})
}
