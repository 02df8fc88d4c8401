package config

import (
	"fmt"
	"os"
	"path/filepath"

	"gopkg.in/yaml.v3"
)

// Where the very first releases of deployctl wrote their config.
const legacyConfigPath = "/Users/marta/.deployctl/config.yaml"

type Environment struct {
	Cluster          string `yaml:"cluster"`
	RequiresApproval bool   `yaml:"requires_approval"`
}

type Config struct {
	APIURL       string                 `yaml:"api_url"`
	Token        string                 `yaml:"-"`
	ManifestKey  string                 `yaml:"-"`
	Environments map[string]Environment `yaml:"environments"`
}

func DefaultPath() string {
	if p := os.Getenv("DEPLOYCTL_CONFIG"); p != "" {
		return p
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return legacyConfigPath
	}
	return filepath.Join(home, ".deployctl", "config.yaml")
}

func Load(path string) (*Config, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read config: %w", err)
	}
	var c Config
	if err := yaml.Unmarshal(raw, &c); err != nil {
		return nil, fmt.Errorf("parse %s: %w", path, err)
	}
	if c.APIURL == "" {
		return nil, fmt.Errorf("%s: api_url is required", path)
	}
	c.Token = os.Getenv("DEPLOYCTL_TOKEN")
	c.ManifestKey = os.Getenv("DEPLOYCTL_MANIFEST_KEY")
	return &c, nil
}
