// Package config loads fleetd settings from the environment.
package config

import (
	"encoding/hex"
	"fmt"
	"os"
	"strconv"
	"time"
)

type Config struct {
	HTTPAddr          string
	DatabaseURL       string
	JWTSecret         []byte
	DeviceKeySHA256   []byte
	TelematicsBaseURL string
	TelematicsAPIKey  string
	TelematicsSecret  []byte
	ReportDir         string
	ArchiveDir        string
	ShutdownTimeout   time.Duration
}

func getenv(key, fallback string) string {
	if v, ok := os.LookupEnv(key); ok && v != "" {
		return v
	}
	return fallback
}

func mustGetenv(key string) (string, error) {
	v := os.Getenv(key)
	if v == "" {
		return "", fmt.Errorf("config: %s must be set", key)
	}
	return v, nil
}

func Load() (*Config, error) {
	dbURL, err := mustGetenv("FLEET_DATABASE_URL")
	if err != nil {
		return nil, err
	}
	deviceHash, err := hex.DecodeString(getenv("FLEET_DEVICE_KEY_SHA256", ""))
	if err != nil || len(deviceHash) != 32 {
		return nil, fmt.Errorf("config: FLEET_DEVICE_KEY_SHA256 must be a hex sha256 digest")
	}
	apiKey, err := mustGetenv("TELEMATICS_API_KEY")
	if err != nil {
		return nil, err
	}
	whSecret, err := mustGetenv("TELEMATICS_WEBHOOK_SECRET")
	if err != nil {
		return nil, err
	}
	timeout, err := strconv.Atoi(getenv("FLEET_SHUTDOWN_SECONDS", "15"))
	if err != nil || timeout <= 0 {
		return nil, fmt.Errorf("config: FLEET_SHUTDOWN_SECONDS must be a positive integer")
	}

	return &Config{
		HTTPAddr:          getenv("FLEET_HTTP_ADDR", ":8080"),
		DatabaseURL:       dbURL,
		JWTSecret:         []byte(getenv("FLEET_JWT_SECRET", "fl33t-jwt-7c2e9a41b6d83f05e1a9")),
		DeviceKeySHA256:   deviceHash,
		TelematicsBaseURL: getenv("TELEMATICS_BASE_URL", "https://api.telematics-partner.example/v1"),
		TelematicsAPIKey:  apiKey,
		TelematicsSecret:  []byte(whSecret),
		ReportDir:         getenv("FLEET_REPORT_DIR", "/home/mkowalski/go/src/github.com/acme/fleet/reports"),
		ArchiveDir:        getenv("FLEET_ARCHIVE_DIR", "/var/lib/fleet/archive"),
		ShutdownTimeout:   time.Duration(timeout) * time.Second,
	}, nil
}
