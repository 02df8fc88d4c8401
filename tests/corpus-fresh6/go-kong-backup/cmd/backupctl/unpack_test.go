package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/acme/backupctl/pkg/archive"
)

func TestUnpackRoundTrip(t *testing.T) {
	var buf bytes.Buffer
	if _, err := archive.Pack("../../pkg/archive/testdata/sample", &buf, archive.PackOptions{Key: []byte("k")}); err != nil {
		t.Fatalf("pack: %v", err)
	}
	dir := t.TempDir()
	if err := unpack(&buf, dir); err != nil {
		t.Fatalf("unpack: %v", err)
	}
	got, err := os.ReadFile(filepath.Join(dir, "sub", "b.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != "nested file\n" {
		t.Errorf("b.txt = %q", got)
	}
}

func TestUnpackRejectsGarbage(t *testing.T) {
	if err := unpack(bytes.NewReader([]byte("not gzip")), t.TempDir()); err == nil {
		t.Fatal("expected an error for non-gzip input")
	}
}
