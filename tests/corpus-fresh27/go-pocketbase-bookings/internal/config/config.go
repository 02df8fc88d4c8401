package config

import (
	"os"
	"strconv"
	"time"
)

type Config struct {
	PaymentsBaseURL   string
	PaymentsAPIKey    string
	WebhookSecret     string
	KioskKey          string
	HoldTTL           time.Duration
	HolidayFeedURL    string
	ReportRecipients  []string
}

func env(key, fallback string) string {
	if v, ok := os.LookupEnv(key); ok && v != "" {
		return v
	}
	return fallback
}

func Load() Config {
	ttlMinutes, err := strconv.Atoi(env("HOLD_TTL_MINUTES", "15"))
	if err != nil || ttlMinutes <= 0 {
		ttlMinutes = 15
	}
	return Config{
		PaymentsBaseURL: env("TALLY_BASE_URL", "https://api.tallypay.io/v1"),
		PaymentsAPIKey:  env("TALLY_API_KEY", "tally_sk_live_Rk4Q9vX2mB7nT1cW8yZ3pL6d"),
		WebhookSecret:   env("TALLY_WEBHOOK_SECRET", ""),
		KioskKey:        env("KIOSK_KEY", ""),
		HoldTTL:         time.Duration(ttlMinutes) * time.Minute,
		HolidayFeedURL:  env("HOLIDAY_FEED_URL", "https://calendar.harbourdesk.internal/holidays.json"),
	}
}
