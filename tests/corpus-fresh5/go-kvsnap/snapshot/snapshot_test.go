package snapshot

import (
	"context"
	"crypto/tls"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
)

func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func mustVerify(t *testing.T, path, sum string) {
	t.Helper()
	if err := Verify(path, sum); err != nil {
		t.Fatalf("verify %s: %v", path, err)
	}
}

func TestCreateThenVerify(t *testing.T) {
	DefaultScratchDir = t.TempDir()
	src := writeTree(t, map[string]string{"a/1": "one", "b/2": "two"})
	dst := filepath.Join(t.TempDir(), "out.snap")
	sum, err := NewWriter(Options{Compress: true, Level: 1}).Create(context.Background(), src, dst)
	if err != nil {
		t.Fatal(err)
	}
	mustVerify(t, dst, sum)
}

func TestCreateHonoursExcludes(t *testing.T) {
	DefaultScratchDir = t.TempDir()
	src := writeTree(t, map[string]string{"keep/x": "1", "tmp/y": "2"})
	dst := filepath.Join(t.TempDir(), "out.snap")
	NewWriter(Options{ExcludeGlobs: []string{"tmp/*"}}).Create(context.Background(), src, dst)
}

func TestUploadAgainstTLSFixture(t *testing.T) {
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusCreated)
	}))
	defer srv.Close()
	archive := filepath.Join(t.TempDir(), "a.snap")
	if err := os.WriteFile(archive, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	u := NewUploader(srv.URL, "test-token", false)
	u.client.Transport.(*http.Transport).TLSClientConfig = &tls.Config{InsecureSkipVerify: true}
	if err := u.Upload(context.Background(), archive, "deadbeef"); err != nil {
		t.Fatalf("upload: %v", err)
	}
}
