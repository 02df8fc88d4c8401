package config

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDefaultPathHonoursEnv(t *testing.T) {
	t.Setenv("DEPLOYCTL_CONFIG", "/etc/deployctl.yaml")
	assert.Equal(t, "/etc/deployctl.yaml", DefaultPath())
}

func TestDefaultPathUsesHome(t *testing.T) {
	t.Setenv("DEPLOYCTL_CONFIG", "")
	t.Setenv("HOME", "/Users/ci")
	assert.Equal(t, "/Users/ci/.deployctl/config.yaml", DefaultPath())
}

func TestLoadReadsTokenFromEnv(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "c.yaml")
	require.NoError(t, os.WriteFile(p, []byte("api_url: https://release.example.test\nenvironments:\n  prod:\n    requires_approval: true\n"), 0o600))
	t.Setenv("DEPLOYCTL_TOKEN", "tok-from-env")

	cfg, err := Load(p)
	require.NoError(t, err)
	assert.Equal(t, "tok-from-env", cfg.Token)
	assert.True(t, cfg.Environments["prod"].RequiresApproval)
}
