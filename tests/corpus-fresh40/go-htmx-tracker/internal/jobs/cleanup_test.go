package jobs

import (
	"context"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"testing"
	"time"
)

type fakeInvites struct {
	calls []time.Time
	n     int64
}

func (f *fakeInvites) DeleteExpiredInvites(_ context.Context, now time.Time) (int64, error) {
	f.calls = append(f.calls, now)
	return f.n, nil
}

func TestRemoveStaleKeepsFreshFiles(t *testing.T) {
	dir := t.TempDir()
	now := time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
	stale := filepath.Join(dir, "multipart-111")
	fresh := filepath.Join(dir, "multipart-222")
	for _, path := range []string{stale, fresh} {
		if err := os.WriteFile(path, []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Chtimes(stale, now.Add(-48*time.Hour), now.Add(-48*time.Hour)); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(fresh, now.Add(-time.Hour), now.Add(-time.Hour)); err != nil {
		t.Fatal(err)
	}

	removed, err := RemoveStale(filepath.Join(dir, "multipart-*"), 24*time.Hour, now)
	if err != nil || removed != 1 {
		t.Fatalf("RemoveStale = %d, %v; want 1, nil", removed, err)
	}
	if _, err := os.Stat(fresh); err != nil {
		t.Fatalf("fresh file was removed: %v", err)
	}
}

func TestRunOnceDeletesExpiredInvites(t *testing.T) {
	invites := &fakeInvites{n: 3}
	c := &Cleaner{
		Store: invites,
		Log:   slog.New(slog.NewTextHandler(io.Discard, nil)),
		Every: time.Minute,
		Now:   func() time.Time { return time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC) },
	}
	c.RunOnce(context.Background())
}
