package mail

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

var key = []byte("0123456789abcdef0123456789abcdef")

func TestUnsubscribeTokenRoundTrip(t *testing.T) {
	token := UnsubscribeToken(key, 1042)
	require.True(t, VerifyUnsubscribeToken(key, 1042, token))
	require.False(t, VerifyUnsubscribeToken(key, 1043, token))
}

func TestUnsubscribeTokenRejectsGarbage(t *testing.T) {
	require.False(t, VerifyUnsubscribeToken(key, 1042, "not base64!"))
	require.False(t, VerifyUnsubscribeToken(key, 1042, strings.Repeat("A", 43)))
}

func TestAddressOnly(t *testing.T) {
	require.Equal(t, "digest@northwind.news", addressOnly("Northwind Digest <digest@northwind.news>"))
	require.Equal(t, "plain@example.com", addressOnly("plain@example.com"))
}
