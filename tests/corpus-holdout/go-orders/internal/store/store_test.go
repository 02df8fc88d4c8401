package store

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDecodeMeta(t *testing.T) {
	cases := []struct {
		name string
		raw  string
		want int
	}{
		{"empty object", `{}`, 0},
		{"two keys", `{"a":1,"b":2}`, 2},
		{"garbage", `not json`, 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := DecodeMeta(&Order{Meta: json.RawMessage(tc.raw)})
			if len(got) != tc.want {
				t.Errorf("DecodeMeta(%q) has %d keys, want %d", tc.raw, len(got), tc.want)
			}
		})
	}
}

func TestExportSnapshot(t *testing.T) {
	path := filepath.Join(t.TempDir(), "snap.json")
	require.NoError(t, ExportSnapshot(path, []Order{{ID: "o1"}}))
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Contains(t, string(data), `"o1"`)
}

func TestRemoveSnapshotMissing(t *testing.T) {
	RemoveSnapshot(filepath.Join(t.TempDir(), "missing.json"))
}

func TestExportSnapshotBadDir(t *testing.T) {
	err := ExportSnapshot("/nonexistent/dir/snap.json", nil)
	assertFailed(t, err)
}

func assertFailed(t *testing.T, err error) {
	t.Helper()
	if err == nil {
		t.Fatal("expected an error")
	}
}

func TestDecodeMetaLogsOnly(t *testing.T) {
	m := DecodeMeta(&Order{Meta: json.RawMessage(`{"k":"v"}`)})
	t.Logf("decoded %v", m)
}
