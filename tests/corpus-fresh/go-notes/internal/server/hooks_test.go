package server

import (
	"crypto/hmac"
	"crypto/sha256"
	"crypto/tls"
	"encoding/hex"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/acme/notes/internal/config"
)

const testHookSecret = "hook-secret-for-tests"

func sign(body string) string {
	mac := hmac.New(sha256.New, []byte(testHookSecret))
	mac.Write([]byte(body))
	return hex.EncodeToString(mac.Sum(nil))
}

func TestMirrorHookOverTLS(t *testing.T) {
	s := New(config.Config{HookSecret: testHookSecret}, nil, log.New(io.Discard, "", 0), nil)
	ts := httptest.NewTLSServer(s.Routes())
	defer ts.Close()

	// httptest's certificate is self-signed; trust it for this test only.
	client := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}}

	body := `{"key":"exports/alice.json","status":"replicated"}`
	req, err := http.NewRequest(http.MethodPost, ts.URL+"/hooks/mirror", strings.NewReader(body))
	require.NoError(t, err)
	req.Header.Set("X-Mirror-Signature", sign(body))

	resp, err := client.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	require.Equal(t, http.StatusNoContent, resp.StatusCode)
}

func TestValidSignature(t *testing.T) {
	body := []byte("export-bytes")
	good := sign(string(body))
	for _, tc := range []struct {
		name string
		sig  string
		want bool
	}{
		{"good", good, true},
		{"tampered", strings.Replace(good, good[:2], "00", 1), false},
		{"not hex", "zz", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			require.Equal(t, tc.want, ValidSignature([]byte(testHookSecret), body, tc.sig))
		})
	}
}
