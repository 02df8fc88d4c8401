package auth

import (
	"errors"
	"strings"
	"testing"
	"time"
)

const testKey = "session-test-key-not-for-production"

func TestParse(t *testing.T) {
	base := time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)
	s := NewSigner([]byte(testKey), time.Hour)
	s.now = func() time.Time { return base }
	good, err := s.Issue("m1", "MEMBER")
	if err != nil {
		t.Fatal(err)
	}
	body, _, _ := strings.Cut(good, ".")

	tests := []struct {
		name    string
		token   string
		at      time.Time
		wantErr error
	}{
		{"valid", good, base.Add(30 * time.Minute), nil},
		{"expired", good, base.Add(2 * time.Hour), ErrExpired},
		{"tampered signature", body + ".AAAA", base, ErrSignature},
		{"no separator", "garbage", base, ErrMalformed},
		{"bad base64", "%%%." + "AAAA", base, ErrMalformed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s.now = func() time.Time { return tt.at }
			sess, err := s.Parse(tt.token)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("Parse() err = %v, want %v", err, tt.wantErr)
			}
			if err == nil && sess.MemberID != "m1" {
				t.Fatalf("MemberID = %q", sess.MemberID)
			}
		})
	}
}
