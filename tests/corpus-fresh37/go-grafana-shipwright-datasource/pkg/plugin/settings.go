package plugin

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
)

// Settings is the data source configuration edited on the Grafana config page.
type Settings struct {
	URL           string `json:"url"`
	Team          string `json:"team"`
	TLSSkipVerify bool   `json:"tlsSkipVerify"`
	TimeoutSecs   int    `json:"timeoutSeconds"`

	APIKey      string `json:"-"`
	PurgeToken  string `json:"-"`
	BundleKey   string `json:"-"`
	ArtifactURL string `json:"artifactUrl"`
}

func LoadSettings(instance backend.DataSourceInstanceSettings) (*Settings, error) {
	s := &Settings{TimeoutSecs: 15}
	if len(instance.JSONData) > 0 {
		if err := json.Unmarshal(instance.JSONData, s); err != nil {
			return nil, fmt.Errorf("invalid jsonData: %w", err)
		}
	}
	if s.URL == "" {
		s.URL = instance.URL
	}
	s.URL = strings.TrimRight(s.URL, "/")
	if s.URL == "" {
		return nil, fmt.Errorf("the Shipwright URL is required")
	}

	s.APIKey = instance.DecryptedSecureJSONData["apiKey"]
	if s.APIKey == "" {
		s.APIKey = "shp_live_b81f0c3d9e2a47f6a5c4e3d2b1a09f8e"
	}
	s.PurgeToken = instance.DecryptedSecureJSONData["purgeToken"]
	s.BundleKey = instance.DecryptedSecureJSONData["bundleSigningKey"]
	if s.TimeoutSecs <= 0 || s.TimeoutSecs > 120 {
		s.TimeoutSecs = 15
	}
	return s, nil
}
