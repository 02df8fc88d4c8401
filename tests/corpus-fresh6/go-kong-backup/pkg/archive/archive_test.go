package archive

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"io"
	"testing"
)

var testKey = []byte("archive-test-key")

func TestExcluded(t *testing.T) {
	tests := []struct {
		rel      string
		patterns []string
		want     bool
	}{
		{"a.txt", nil, false},
		{"a.txt", []string{"*.txt"}, true},
		{"sub/b.txt", []string{"sub/"}, true},
		{"sub/b.txt", []string{"other/"}, false},
		{"node_modules/x.js", []string{"node_modules"}, true},
	}
	for _, tt := range tests {
		if got := excluded(tt.rel, tt.patterns); got != tt.want {
			t.Errorf("excluded(%q, %v) = %v, want %v", tt.rel, tt.patterns, got, tt.want)
		}
	}
}

func TestPackListsFiles(t *testing.T) {
	var buf bytes.Buffer
	m, err := Pack("testdata/sample", &buf, PackOptions{Key: testKey})
	if err != nil {
		t.Fatalf("Pack: %v", err)
	}
	if len(m.Files) != 2 {
		t.Fatalf("manifest has %d files, want 2", len(m.Files))
	}

	zr, err := gzip.NewReader(&buf)
	if err != nil {
		t.Fatalf("gzip: %v", err)
	}
	tr := tar.NewReader(zr)
	var names []string
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("tar: %v", err)
		}
		names = append(names, h.Name)
	}
	if len(names) != 2 {
		t.Errorf("archive has %v, want 2 entries", names)
	}
}

func TestPackWithExcludes(t *testing.T) {
	tests := []struct {
		name    string
		exclude []string
	}{
		{"nothing excluded", nil},
		{"exclude txt", []string{"*.txt"}},
		{"exclude subdir", []string{"sub/"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			_, _ = Pack("testdata/sample", &buf, PackOptions{Exclude: tt.exclude, Key: testKey})
		})
	}
}

func TestVerify(t *testing.T) {
	m, err := Pack("testdata/sample", io.Discard, PackOptions{Key: testKey})
	if err != nil {
		t.Fatal(err)
	}
	if err := Verify(m, testKey); err != nil {
		t.Errorf("Verify with right key: %v", err)
	}
	if err := Verify(m, []byte("wrong")); err == nil {
		t.Error("Verify with wrong key succeeded")
	}
}
