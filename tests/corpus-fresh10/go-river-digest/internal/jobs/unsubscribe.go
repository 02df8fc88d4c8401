package jobs

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"net/url"
	"os"
)

func unsubSecret() []byte {
	return []byte(os.Getenv("DIGEST_UNSUB_SECRET"))
}

func unsubToken(userID string) string {
	mac := hmac.New(sha256.New, unsubSecret())
	mac.Write([]byte("unsub:" + userID))
	return hex.EncodeToString(mac.Sum(nil))
}

// UnsubscribeURL is embedded in every digest email.
func UnsubscribeURL(userID string) string {
	q := url.Values{"u": {userID}, "t": {unsubToken(userID)}}
	return "https://app.acme.io/digest/unsubscribe?" + q.Encode()
}

// ValidUnsubscribe is called by the web app when the link is followed.
func ValidUnsubscribe(userID, token string) bool {
	if userID == "" || token == "" {
		return false
	}
	return token == unsubToken(userID)
}
