package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"time"

	"github.com/acme/backupctl/pkg/archive"
)

const stagingDir = "/home/jenkins/workspace/backupctl-nightly/staging"

type CreateCmd struct {
	Source      string   `arg:"" type:"existingdir" help:"Directory to back up."`
	Exclude     []string `help:"Glob patterns to skip." placeholder:"GLOB"`
	Compression string   `enum:"gzip,zstd" default:"gzip" help:"Compression codec for the archive."`
	SigningKey  string   `env:"BACKUPCTL_SIGNING_KEY" required:"" help:"HMAC key for the manifest."`
	Webhook     string   `env:"BACKUPCTL_WEBHOOK" help:"Notify this URL when the backup is uploaded."`
}

func (c *CreateCmd) Run(g *Globals) error {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Hour)
	defer cancel()

	if err := os.MkdirAll(stagingDir, 0o750); err != nil {
		return err
	}
	name := fmt.Sprintf("%s-%s.tar.gz", filepath.Base(c.Source), time.Now().UTC().Format("20060102T150405Z"))
	path := filepath.Join(stagingDir, name)
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer func() {
		if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
			slog.Warn("staging cleanup failed", "path", path, "err", err)
		}
	}()

	m, err := archive.Pack(c.Source, f, archive.PackOptions{Exclude: c.Exclude, Key: []byte(c.SigningKey)})
	if err != nil {
		f.Close()
		return fmt.Errorf("pack: %w", err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("close archive: %w", err)
	}

	store, err := g.Store()
	if err != nil {
		return err
	}
	in, err := os.Open(path)
	if err != nil {
		return err
	}
	defer in.Close()
	st, err := in.Stat()
	if err != nil {
		return err
	}
	if err := store.Put(ctx, name, in, st.Size()); err != nil {
		return fmt.Errorf("upload %s: %w", name, err)
	}
	slog.Info("backup uploaded", "key", name, "files", len(m.Files), "bytes", st.Size())

	if err := newNotifier(c.Webhook).Notify(ctx, "backup.created", map[string]any{"key": name}); err != nil {
		slog.Warn("backup uploaded but notification failed", "key", name, "err", err)
	}
	return nil
}

type ListCmd struct {
	Prefix string `arg:"" optional:"" help:"Only list keys with this prefix."`
}

func (l *ListCmd) Run(g *Globals) error {
	slog.Debug("list requested", "prefix", l.Prefix, "bucket", g.S3.Bucket)
	return errors.New("list: not implemented")
}

type RestoreCmd struct {
	operatorOnly

	Key    string `arg:"" help:"Archive key to restore."`
	Target string `arg:"" type:"path" help:"Directory to unpack into."`
}

func (r *RestoreCmd) Run(g *Globals) error {
	store, err := g.Store()
	if err != nil {
		return err
	}
	rc, err := store.Get(context.Background(), r.Key)
	if err != nil {
		return fmt.Errorf("download %s: %w", r.Key, err)
	}
	defer rc.Close()
	slog.Info("restoring", "key", r.Key, "target", r.Target)
	return unpack(rc, r.Target)
}

type PruneCmd struct {
	KeepDays int  `default:"30" help:"Keep archives newer than this many days."`
	DryRun   bool `help:"Only print what would be deleted."`
}

func (p *PruneCmd) Run(g *Globals) error {
	store, err := g.Store()
	if err != nil {
		return err
	}
	ctx := context.Background()
	objs, err := store.List(ctx, "")
	if err != nil {
		return err
	}
	cutoff := time.Now().AddDate(0, 0, -p.KeepDays)
	var errs []error
	for _, o := range objs {
		if o.Modified.After(cutoff) {
			continue
		}
		if p.DryRun {
			fmt.Println("would delete", o.Key)
			continue
		}
		if err := store.Delete(ctx, o.Key); err != nil {
			errs = append(errs, fmt.Errorf("delete %s: %w", o.Key, err))
			continue
		}
		slog.Info("pruned", "key", o.Key)
	}
	return errors.Join(errs...)
}
