package main

import (
	"bytes"
	"strings"
	"testing"
)

func TestCommandsAreRegistered(t *testing.T) {
	app := newApp()
	for _, name := range []string{"create-admin", "list-stuck", "reprice", "version"} {
		if app.Command(name) == nil {
			t.Errorf("command %q missing", name)
		}
	}
}

func TestCreateAdminRequiresFlags(t *testing.T) {
	app := newApp()
	var out bytes.Buffer
	app.Writer, app.ErrWriter = &out, &out
	err := app.Run([]string{"printadmin", "create-admin", "--email", "ops@inkwell.example"})
	if err == nil || !strings.Contains(err.Error(), "password") {
		t.Fatalf("expected missing --password error, got %v", err)
	}
}
