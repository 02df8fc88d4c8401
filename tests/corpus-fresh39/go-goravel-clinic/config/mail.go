package config

import (
	"github.com/goravel/framework/facades"
)

func init() {
	config := facades.Config()
	config.Add("mail", map[string]any{
		"host":     config.Env("MAIL_HOST", "smtp.sendgrid.net"),
		"port":     config.Env("MAIL_PORT", 587),
		"username": config.Env("MAIL_USERNAME", "apikey"),
		"password": config.Env("MAIL_PASSWORD", "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"),
		"from": map[string]any{
			"address": config.Env("MAIL_FROM_ADDRESS", "appointments@riverbend-clinic.org"),
			"name":    config.Env("MAIL_FROM_NAME", "Riverbend Clinic"),
		},
	})
}
