// Package archive builds and verifies signed tar.gz backup archives.
package archive

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

type Manifest struct {
	Files     map[string]string `json:"files"` // relative path -> sha256 hex
	Signature string            `json:"signature,omitempty"`
}

type PackOptions struct {
	Exclude []string
	Key     []byte
}

func excluded(rel string, patterns []string) bool {
	for _, p := range patterns {
		if ok, err := filepath.Match(p, filepath.Base(rel)); err == nil && ok {
			return true
		}
		if strings.HasPrefix(rel, strings.TrimSuffix(p, "/")+"/") {
			return true
		}
	}
	return false
}

// Pack writes dir as a gzip-compressed tarball to w and returns the signed manifest.
func Pack(dir string, w io.Writer, opts PackOptions) (*Manifest, error) {
	gz := gzip.NewWriter(w)
	defer gz.Close()
	tw := tar.NewWriter(gz)

	m := &Manifest{Files: map[string]string{}}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(dir, path)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		if excluded(rel, opts.Exclude) {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return fmt.Errorf("read %s: %w", rel, err)
		}
		if err := tw.WriteHeader(&tar.Header{Name: rel, Mode: 0o644, Size: int64(len(data))}); err != nil {
			return err
		}
		if _, err := tw.Write(data); err != nil {
			return err
		}
		sum := sha256.Sum256(data)
		m.Files[rel] = hex.EncodeToString(sum[:])
		return nil
	})
	if err != nil {
		return nil, err
	}
	if err := tw.Close(); err != nil {
		return nil, fmt.Errorf("finish tar: %w", err)
	}
	m.Signature = hex.EncodeToString(sign(m, opts.Key))
	return m, nil
}

func sign(m *Manifest, key []byte) []byte {
	names := make([]string, 0, len(m.Files))
	for n := range m.Files {
		names = append(names, n)
	}
	sort.Strings(names)
	mac := hmac.New(sha256.New, key)
	for _, n := range names {
		fmt.Fprintf(mac, "%s\x00%s\n", n, m.Files[n])
	}
	return mac.Sum(nil)
}

// Verify checks the manifest signature.
func Verify(m *Manifest, key []byte) error {
	got, err := hex.DecodeString(m.Signature)
	if err != nil {
		return fmt.Errorf("decode signature: %w", err)
	}
	if !bytes.Equal(got, sign(m, key)) {
		return fmt.Errorf("manifest signature mismatch")
	}
	return nil
}

func (m *Manifest) MarshalIndent() ([]byte, error) { return json.MarshalIndent(m, "", "  ") }
