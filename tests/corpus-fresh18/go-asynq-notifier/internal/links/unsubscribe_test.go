package links

import "testing"

func TestTokenRoundTrip(t *testing.T) {
	tests := []struct {
		name   string
		userID int64
		list   string
	}{
		{"digest", 1, "digest"},
		{"product", 9_000_000_001, "product"},
		{"list with dot", 5, "team.updates"},
	}
	s := NewSigner([]byte("unit-test-key"), "https://n.test/u/")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			id, list, err := s.Parse(s.Token(tt.userID, tt.list))
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if id != tt.userID || list != tt.list {
				t.Errorf("got (%d, %q), want (%d, %q)", id, list, tt.userID, tt.list)
			}
		})
	}
}

func TestTamperedTokenRejected(t *testing.T) {
	s := NewSigner([]byte("unit-test-key"), "")
	other := NewSigner([]byte("another-key"), "")
	tests := map[string]string{
		"empty":       "",
		"no dot":      "abc",
		"other key":   other.Token(1, "digest"),
		"garbage sig": s.Token(1, "digest")[:10] + ".AAAA",
	}
	for name, tok := range tests {
		t.Run(name, func(t *testing.T) {
			if _, _, err := s.Parse(tok); err != ErrBadToken {
				t.Errorf("Parse(%q) err = %v, want ErrBadToken", tok, err)
			}
		})
	}
}
