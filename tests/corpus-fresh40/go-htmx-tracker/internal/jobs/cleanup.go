// Package jobs holds the tracker's background work.
package jobs

import (
	"context"
	"log/slog"
	"os"
	"path/filepath"
	"time"
)

type InviteStore interface {
	DeleteExpiredInvites(ctx context.Context, now time.Time) (int64, error)
}

// Cleaner removes expired invites and multipart temp files that net/http left behind
// when an upload was interrupted.
type Cleaner struct {
	Store InviteStore
	Log   *slog.Logger
	Every time.Duration
	Now   func() time.Time
}

func (c *Cleaner) Run(ctx context.Context) {
	ticker := time.NewTicker(c.Every)
	defer ticker.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-ticker.C:
			c.RunOnce(ctx)
		}
	}
}

func (c *Cleaner) RunOnce(ctx context.Context) {
	now := c.Now()
	if n, err := c.Store.DeleteExpiredInvites(ctx, now); err != nil {
		c.Log.Error("deleting expired invites", "err", err)
	} else if n > 0 {
		c.Log.Info("expired invites deleted", "count", n)
	}
	removed, err := RemoveStale(filepath.Join(os.TempDir(), "multipart-*"), 24*time.Hour, now)
	if err != nil {
		c.Log.Warn("scanning temp dir", "err", err)
	}
	if removed > 0 {
		c.Log.Info("stale upload temp files removed", "count", removed)
	}
}

// RemoveStale deletes files matching pattern that were last modified before now-maxAge.
func RemoveStale(pattern string, maxAge time.Duration, now time.Time) (int, error) {
	matches, err := filepath.Glob(pattern)
	if err != nil {
		return 0, err
	}
	removed := 0
	for _, path := range matches {
		info, err := os.Stat(path)
		if err != nil || now.Sub(info.ModTime()) < maxAge {
			continue
		}
		// Best effort: a file that cannot be removed now is tried again on the next run.
		if err := os.Remove(path); err == nil {
			removed++
		}
	}
	return removed, nil
}
