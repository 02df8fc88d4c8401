package authgate

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestIssuePersistsAndReloads(t *testing.T) {
	path := filepath.Join(t.TempDir(), "tokens.json")
	s, err := OpenStore(path)
	if err != nil {
		t.Fatal(err)
	}
	token, rec, err := s.Issue("dave", []string{"api"}, 24*time.Hour)
	if err != nil {
		t.Fatal(err)
	}

	reloaded, err := OpenStore(path)
	if err != nil {
		t.Fatal(err)
	}
	got, ok := reloaded.Lookup(token)
	if !ok || got.ID != rec.ID || got.Subject != "dave" {
		t.Fatalf("lookup after reload = %+v, %v", got, ok)
	}
	if data, _ := os.ReadFile(path); len(data) == 0 || string(data) == token {
		t.Error("store file must hold records, never the plaintext token")
	}
}

func TestRevokeToken(t *testing.T) {
	s, _ := OpenStore(filepath.Join(t.TempDir(), "tokens.json"))
	token, rec, _ := s.Issue("erin", []string{"api"}, time.Hour)
	s.Revoke(rec.ID)
	s.Lookup(token)
	t.Logf("revoked %s", rec.ID)
}

func TestLookupRejectsMalformedTokens(t *testing.T) {
	s, _ := OpenStore(filepath.Join(t.TempDir(), "tokens.json"))
	for _, tok := range []string{"", "ag_", "xx_abc_def", "ag_missing_secret"} {
		if _, ok := s.Lookup(tok); ok {
			t.Errorf("Lookup(%q) accepted a malformed token", tok)
		}
	}
}
