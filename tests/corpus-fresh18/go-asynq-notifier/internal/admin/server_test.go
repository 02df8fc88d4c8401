package admin

import (
	"context"
	"crypto/tls"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/brightloop/notifier/internal/links"
)

type fakeDB struct{ err error }

func (f fakeDB) Ping(context.Context) error { return f.err }

type fakeUnsub struct{ calls int }

func (f *fakeUnsub) Unsubscribe(context.Context, int64, string) error {
	f.calls++
	return nil
}

func newTestServer(db fakeDB, unsub *fakeUnsub) *httptest.Server {
	signer := links.NewSigner([]byte("admin-test-key"), "/u/")
	s := New("admin-test-token", nil, db, unsub, signer, slog.New(slog.NewTextHandler(io.Discard, nil)))
	return httptest.NewTLSServer(s.Handler())
}

func TestProbesAndAuth(t *testing.T) {
	srv := newTestServer(fakeDB{}, &fakeUnsub{})
	defer srv.Close()
	// The httptest server presents a throwaway self-signed certificate.
	client := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}}

	tests := []struct {
		name   string
		method string
		path   string
		token  string
		want   int
	}{
		{"healthz", http.MethodGet, "/healthz", "", http.StatusOK},
		{"readyz", http.MethodGet, "/readyz", "", http.StatusOK},
		{"queues without token", http.MethodGet, "/admin/queues", "", http.StatusUnauthorized},
		{"queues wrong token", http.MethodGet, "/admin/queues", "nope", http.StatusUnauthorized},
		{"bad unsubscribe link", http.MethodPost, "/u/garbage", "", http.StatusBadRequest},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, _ := http.NewRequest(tt.method, srv.URL+tt.path, nil)
			if tt.token != "" {
				req.Header.Set("Authorization", "Bearer "+tt.token)
			}
			resp, err := client.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != tt.want {
				t.Errorf("%s %s = %d, want %d", tt.method, tt.path, resp.StatusCode, tt.want)
			}
		})
	}
}

func TestReadyzReportsDatabaseOutage(t *testing.T) {
	srv := newTestServer(fakeDB{err: errors.New("connection refused")}, &fakeUnsub{})
	defer srv.Close()

	resp, err := srv.Client().Get(srv.URL + "/readyz")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("status = %d, want 503", resp.StatusCode)
	}
}

func TestUnsubscribeLink(t *testing.T) {
	unsub := &fakeUnsub{}
	srv := newTestServer(fakeDB{}, unsub)
	defer srv.Close()
	token := links.NewSigner([]byte("admin-test-key"), "").Token(7, "digest")

	resp, err := srv.Client().Post(srv.URL+"/u/"+token, "text/plain", nil)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || unsub.calls != 1 {
		t.Errorf("status = %d, calls = %d", resp.StatusCode, unsub.calls)
	}
}
