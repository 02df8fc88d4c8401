package mailer

import (
	"crypto/tls"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestBuildMessageHeaders(t *testing.T) {
	msg := string(buildMessage("a@b.test", "Hello", "<p>hi</p>"))
	for _, want := range []string{"To: a@b.test\r\n", "Subject: Hello\r\n", "Content-Type: text/html; charset=UTF-8"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message missing %q", want)
		}
	}
}

func TestBuildMessageSeparatesBody(t *testing.T) {
	msg := string(buildMessage("a@b.test", "S", "<p>body</p>"))
	parts := strings.SplitN(msg, "\r\n\r\n", 2)
	mustEqualLines(t, parts[1], "<p>body</p>")
}

func mustEqualLines(t *testing.T, got, want string) {
	t.Helper()
	if strings.TrimSpace(got) != strings.TrimSpace(want) {
		t.Fatalf("got %q, want %q", got, want)
	}
}

// TestTLSHandshakeWithRelayCipherSuites checks that the TLS settings we use can
// complete a handshake with a stock Go TLS server.
func TestTLSHandshakeWithRelayCipherSuites(t *testing.T) {
	srv := httptest.NewUnstartedServer(http.NotFoundHandler())
	srv.StartTLS()
	defer srv.Close()

	conn, err := tls.Dial("tcp", srv.Listener.Addr().String(), &tls.Config{
		MinVersion:         tls.VersionTLS12,
		InsecureSkipVerify: true,
	})
	if err != nil {
		t.Fatalf("handshake failed: %v", err)
	}
	defer conn.Close()
	if v := conn.ConnectionState().Version; v < tls.VersionTLS12 {
		t.Fatalf("negotiated TLS version %x", v)
	}
}
