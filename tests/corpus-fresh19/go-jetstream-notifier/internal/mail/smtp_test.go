package mail

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite golden files")

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s mismatch:\n--- got\n%s\n--- want\n%s", name, got, want)
	}
}

func TestRender(t *testing.T) {
	msg := Message{To: []string{"ada@example.com", "bob@example.com"}, Subject: "Hi", Body: "Hello\nthere"}
	at := time.Date(2024, 5, 1, 9, 30, 0, 0, time.UTC)
	golden(t, "render_basic", render("Acme <no-reply@acme.example>", msg, at))
}

func TestDeadlineFrom(t *testing.T) {
	want := time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
	ctx, cancel := context.WithDeadline(context.Background(), want)
	defer cancel()
	if got := deadlineFrom(ctx); !got.Equal(want) {
		t.Fatalf("deadlineFrom = %v, want %v", got, want)
	}
	if got := deadlineFrom(context.Background()); time.Until(got) < 25*time.Second {
		t.Fatalf("default deadline too short: %v", got)
	}
}

func TestExtractAddr(t *testing.T) {
	tests := map[string]string{
		"Acme <no-reply@acme.example>": "no-reply@acme.example",
		"plain@acme.example":           "plain@acme.example",
		"not an address":               "not an address",
	}
	for in, want := range tests {
		if got := extractAddr(in); got != want {
			t.Errorf("extractAddr(%q) = %q, want %q", in, got, want)
		}
	}
}
