package labclient

import (
	"context"
	"crypto/tls"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
)

func testClient(t *testing.T, srv *httptest.Server) *Client {
	t.Helper()
	c := New(srv.URL, "lab-test-key")
	// httptest.NewTLSServer uses a throwaway self-signed certificate
	c.HTTP.Transport = &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}
	c.Dir = t.TempDir()
	return c
}

func TestDownloadResult(t *testing.T) {
	tests := []struct {
		name       string
		status     int
		wantErr    bool
		wantStored bool
	}{
		{"stored on 200", http.StatusOK, false, true},
		{"error on 404", http.StatusNotFound, true, false},
		{"error on 500", http.StatusInternalServerError, true, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if r.Header.Get("Authorization") != "Bearer lab-test-key" {
					w.WriteHeader(http.StatusUnauthorized)
					return
				}
				w.WriteHeader(tt.status)
				w.Write([]byte("%PDF-1.7 test"))
			}))
			defer srv.Close()
			c := testClient(t, srv)

			path, err := c.DownloadResult(context.Background(), "R-100")

			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, wantErr %v", err, tt.wantErr)
			}
			_, statErr := os.Stat(filepath.Join(c.Dir, "R-100.pdf"))
			if stored := statErr == nil; stored != tt.wantStored {
				t.Errorf("stored = %v, want %v (path %q)", stored, tt.wantStored, path)
			}
		})
	}
}
