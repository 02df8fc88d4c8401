package relay

import (
	"bufio"
	"crypto/subtle"
	"fmt"
	"net"
	"strings"
	"time"
)

// Handshake reads the "HELLO <client-id> <token>" line every client must send
// first and checks the token against the configured client table.
func Handshake(conn net.Conn, clients map[string]string) (string, error) {
	if err := conn.SetReadDeadline(time.Now().Add(5 * time.Second)); err != nil {
		return "", err
	}
	line, err := bufio.NewReader(conn).ReadString('\n')
	if err != nil {
		return "", fmt.Errorf("handshake: %w", err)
	}
	parts := strings.Fields(line)
	if len(parts) != 3 || parts[0] != "HELLO" {
		return "", fmt.Errorf("handshake: malformed greeting")
	}
	want, ok := clients[parts[1]]
	if !ok || subtle.ConstantTimeCompare([]byte(parts[2]), []byte(want)) != 1 {
		return "", fmt.Errorf("handshake: client %q rejected", parts[1])
	}
	return parts[1], conn.SetReadDeadline(time.Time{})
}
