package cmd

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"testing"
)

// Example invocation from the runbook:
//   backupctl backup /home/carol/projects --exclude '*.tmp'
func TestBackupRequiresPath(t *testing.T) {
	var out bytes.Buffer
	rootCmd.SetOut(&out)
	rootCmd.SetErr(&out)
	rootCmd.SetArgs([]string{"backup"})
	if err := rootCmd.Execute(); err == nil {
		t.Fatalf("expected an error for missing PATH, got output %q", out.String())
	}
}

func TestValidPathSignature(t *testing.T) {
	sig := signForTest("k", "/snapshots/s1")
	if !validPathSignature("k", "/snapshots/s1", sig) {
		t.Fatal("expected signature to validate")
	}
	if validPathSignature("k", "/snapshots/s2", sig) {
		t.Fatal("signature must be bound to the path")
	}
}

func signForTest(key, path string) string {
	mac := hmac.New(sha256.New, []byte(key))
	mac.Write([]byte(path))
	return hex.EncodeToString(mac.Sum(nil))
}
