package uploader

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

func newTLSTestServer(t *testing.T, h http.HandlerFunc) (*httptest.Server, *Uploader) {
	t.Helper()
	srv := httptest.NewTLSServer(h)
	t.Cleanup(srv.Close)
	// httptest's certificate is self-signed, so verification is skipped for this test server only.
	up := New(srv.URL, Options{AccessKey: "test", SecretKey: "test-secret", InsecureSkipVerify: true, StateDir: t.TempDir()})
	return srv, up
}

func TestBeginSnapshot(t *testing.T) {
	_, up := newTLSTestServer(t, func(w http.ResponseWriter, r *http.Request) {
		require.Equal(t, "/v1/snapshots", r.URL.Path)
		_ = json.NewEncoder(w).Encode(map[string]string{"ID": "snap-1"})
	})
	id, err := up.BeginSnapshot(context.Background(), "nightly")
	require.NoError(t, err)
	require.Equal(t, "snap-1", id)
}

func TestUploadFile(t *testing.T) {
	_, up := newTLSTestServer(t, func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusCreated)
	})
	path := filepath.Join(t.TempDir(), "a.txt")
	_ = os.WriteFile(path, []byte("hello"), 0o600)
	_ = up.UploadFile(context.Background(), "snap-1", path)
}

func TestUploadFileServerError(t *testing.T) {
	_, up := newTLSTestServer(t, func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "disk full", http.StatusInsufficientStorage)
	})
	path := filepath.Join(t.TempDir(), "a.txt")
	require.NoError(t, os.WriteFile(path, []byte("hello"), 0o600))
	err := up.UploadFile(context.Background(), "snap-1", path)
	require.ErrorContains(t, err, "disk full")
}
