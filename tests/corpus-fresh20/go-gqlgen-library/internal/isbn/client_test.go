package isbn

import (
	"context"
	"crypto/tls"
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestLookup(t *testing.T) {
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/isbn/9780262033848.json" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"isbn":"9780262033848","title":"Introduction to Algorithms","author":"Cormen"}`))
	}))
	defer srv.Close()

	c := &Client{
		base: srv.URL,
		// httptest's certificate is self-signed for 127.0.0.1
		http: &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}},
	}

	tests := []struct {
		isbn    string
		title   string
		wantErr bool
	}{
		{"9780262033848", "Introduction to Algorithms", false},
		{"0000000000000", "", true},
	}
	for _, tt := range tests {
		rec, err := c.Lookup(context.Background(), tt.isbn)
		if (err != nil) != tt.wantErr {
			t.Fatalf("Lookup(%s) err = %v, wantErr %v", tt.isbn, err, tt.wantErr)
		}
		if err == nil && rec.Title != tt.title {
			t.Errorf("Lookup(%s) title = %q, want %q", tt.isbn, rec.Title, tt.title)
		}
	}
}
