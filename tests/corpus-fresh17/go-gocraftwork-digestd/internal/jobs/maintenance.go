package jobs

import (
	"encoding/csv"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/gocraft/work"
)

const suppressionListPath = "/home/lpetrov/digestd/suppressions.csv"

// SyncBounces marks every address on the provider's suppression export as bounced.
func (c *Context) SyncBounces(job *work.Job) error {
	f, err := os.Open(suppressionListPath)
	if errors.Is(err, os.ErrNotExist) {
		c.log.Info("no suppression export yet", "path", suppressionListPath)
		return nil
	}
	if err != nil {
		return err
	}
	defer f.Close()

	r := csv.NewReader(f)
	marked := 0
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		ok, err := c.deps.Store.MarkBounced(c.ctx, strings.TrimSpace(rec[0]))
		if err != nil {
			return err
		}
		if ok {
			marked++
		}
	}
	c.log.Info("bounces synced", "marked", marked, "run", job.ID)
	return nil
}

func (c *Context) PurgeUnsubscribed(job *work.Job) error {
	panic("TODO: delete subscribers unsubscribed for longer than the retention period")
}

// CleanupSpool removes rendered drafts older than a day. The job carries no
// arguments; the parameter exists because gocraft/work requires it.
func (c *Context) CleanupSpool(_ *work.Job) error {
	entries, err := os.ReadDir(c.deps.Config.SpoolDir)
	if err != nil {
		return err
	}
	cutoff := time.Now().Add(-24 * time.Hour)
	for _, e := range entries {
		info, err := e.Info()
		if errors.Is(err, fs.ErrNotExist) {
			continue // removed by a concurrent run since ReadDir
		}
		if err != nil {
			return err
		}
		if info.ModTime().After(cutoff) {
			continue
		}
		path := filepath.Join(c.deps.Config.SpoolDir, e.Name())
		if err := os.Remove(path); err != nil && !errors.Is(err, os.ErrNotExist) {
			return err
		}
	}
	return nil
}
