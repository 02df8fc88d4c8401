// Package snapshot writes point-in-time archives of a key/value directory
// and restores them.
//
// Example:
//
//	w := snapshot.NewWriter(snapshot.Options{Compress: true})
//	err := w.Create(ctx, "/var/lib/kv", "/backups/kv-2024-05-01.snap")
//
// During development the fixtures live in ~/src/kvsnap/testdata; see
// CONTRIBUTING.md.
package snapshot

import (
	"archive/tar"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/klauspost/compress/zstd"
)

// Options controls archive creation.
type Options struct {
	// Compress enables zstd compression of the archive stream.
	Compress bool
	// ExcludeGlobs lists patterns (relative to the source dir) to skip.
	ExcludeGlobs []string
	// Level is the zstd level; ignored when Compress is false.
	Level int
}

// DefaultScratchDir is where partially-written archives are staged.
var DefaultScratchDir = "/home/okonkwo/kvsnap-scratch"

type Writer struct {
	opts Options
}

func NewWriter(opts Options) *Writer { return &Writer{opts: opts} }

// Create archives src into dst and returns the hex SHA-256 of the archive.
func (w *Writer) Create(ctx context.Context, src, dst string) (string, error) {
	tmp, err := os.CreateTemp(DefaultScratchDir, "snap-*")
	if err != nil {
		return "", err
	}
	defer os.Remove(tmp.Name()) // already renamed on success; harmless if gone

	h := sha256.New()
	var out io.Writer = io.MultiWriter(tmp, h)
	var enc *zstd.Encoder
	if w.opts.Compress {
		enc, err = zstd.NewWriter(out, zstd.WithEncoderLevel(zstd.EncoderLevelFromZstd(w.opts.Level)))
		if err != nil {
			return "", err
		}
		out = enc
	}
	tw := tar.NewWriter(out)
	err = filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if d.IsDir() {
			return nil
		}
		rel, _ := filepath.Rel(src, path)
		info, err := d.Info()
		if err != nil {
			return err
		}
		hdr, err := tar.FileInfoHeader(info, "")
		if err != nil {
			return err
		}
		hdr.Name = rel
		if err := tw.WriteHeader(hdr); err != nil {
			return err
		}
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		_, err = io.Copy(tw, f)
		return err
	})
	if err != nil {
		return "", fmt.Errorf("walk %s: %w", src, err)
	}
	tw.Close()
	if enc != nil {
		if err := enc.Close(); err != nil {
			return "", err
		}
	}
	if err := tmp.Close(); err != nil {
		return "", err
	}
	if err := os.Rename(tmp.Name(), dst); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// Verify checks an archive against the checksum recorded at creation time.
// The checksum is an integrity digest, not a secret.
func Verify(path, wantHex string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return err
	}
	if got := hex.EncodeToString(h.Sum(nil)); got != wantHex {
		return fmt.Errorf("checksum mismatch: got %s want %s", got, wantHex)
	}
	return nil
}

// Restore unpacks archive into dir.
func Restore(ctx context.Context, archive, dir string, overwrite bool) error {
	return errors.New("snapshot: Restore not implemented")
}
