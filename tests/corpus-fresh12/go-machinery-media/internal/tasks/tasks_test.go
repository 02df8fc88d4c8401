package tasks

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/csv"
	"encoding/hex"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const testHMACKey = "test-partner-key"

func sign(t *testing.T, payload []byte) string {
	t.Helper()
	mac := hmac.New(sha256.New, []byte(testHMACKey))
	mac.Write(payload)
	return hex.EncodeToString(mac.Sum(nil))
}

func TestVerifyPartnerPayload(t *testing.T) {
	t.Setenv("PARTNER_HMAC_KEY", testHMACKey)
	payload := []byte(`{"asset":"a1"}`)
	cases := []struct {
		name    string
		sig     string
		wantErr error
	}{
		{"valid", sign(t, payload), nil},
		{"tampered", sign(t, []byte(`{"asset":"a2"}`)), ErrBadSignature},
		{"not hex", "zz", ErrBadSignature},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := VerifyPartnerPayload(base64.StdEncoding.EncodeToString(payload), tc.sig)
			assert.ErrorIs(t, err, tc.wantErr)
		})
	}
}

func TestExportResultsWritesCSV(t *testing.T) {
	dir := t.TempDir()
	path, err := ExportResults(dir, []string{"a.jpg", "b.jpg"}, []int64{10, 20})
	require.NoError(t, err)
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	require.NoError(t, err)
	assert.Equal(t, [][]string{{"key", "bytes"}, {"a.jpg", "10"}, {"b.jpg", "20"}}, rows)
}

func TestExportResultsLengthMismatch(t *testing.T) {
	cases := []struct {
		name  string
		keys  []string
		sizes []int64
	}{
		{"more keys", []string{"a", "b"}, []int64{1}},
		{"more sizes", []string{"a"}, []int64{1, 2}},
		{"empty keys", nil, []int64{1}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, _ = ExportResults(filepath.Join("/tmp", "mediaworker-test"), tc.keys, tc.sizes)
		})
	}
}

func TestPing(t *testing.T) {
	require.NoError(t, Ping(nil))
}
