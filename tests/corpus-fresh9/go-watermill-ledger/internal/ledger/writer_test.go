package ledger

import (
	"os"
	"path/filepath"
	"testing"
)

func TestWriterCreatesDir(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "nested", "out")
	w, err := NewWriter(dir)
	if err != nil {
		t.Fatalf("NewWriter: %v", err)
	}
	defer w.Close()
	if _, err := os.Stat(dir); err != nil {
		t.Fatalf("dir not created: %v", err)
	}
}

func TestAppendThenClose(t *testing.T) {
	cases := []struct {
		name    string
		entries []Entry
	}{
		{"single", []Entry{{Ref: "in_1", Account: "receivables:c1", AmountCents: 100, Currency: "EUR"}}},
		{"none", nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			w, err := NewWriter(t.TempDir())
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range tc.entries {
				if err := w.Append(e); err != nil {
					t.Fatalf("Append: %v", err)
				}
			}
			if err := w.Close(); err != nil {
				t.Fatalf("Close: %v", err)
			}
		})
	}
}

func TestNewWriterRejectsFile(t *testing.T) {
	file := filepath.Join(t.TempDir(), "not-a-dir")
	if err := os.WriteFile(file, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := NewWriter(filepath.Join(file, "sub")); err == nil {
		t.Fatal("expected error when parent is a regular file")
	}
}
