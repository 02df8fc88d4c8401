package storage

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"time"

	"goyave.dev/goyave/v5/config"
)

func init() {
	config.Register("storage.attachments", config.Entry{Value: "storage/attachments", Type: reflect.String})
}

// inboundSpool keeps raw inbound e-mails until they are parsed into replies.
var inboundSpool = "/Users/jmartin/dev/helpdesk/spool"

func AttachmentDir(cfg *config.Config, ticketID uint) string {
	return filepath.Join(cfg.GetString("storage.attachments"), strconv.FormatUint(uint64(ticketID), 10))
}

func SpoolRaw(messageID string, raw []byte) (string, error) {
	if err := os.MkdirAll(inboundSpool, 0o750); err != nil {
		return "", err
	}
	path := filepath.Join(inboundSpool, filepath.Base(messageID)+".eml")
	if err := os.WriteFile(path, raw, 0o640); err != nil {
		return "", fmt.Errorf("spooling %s: %w", messageID, err)
	}
	return path, nil
}

func downloadMAC(secret []byte, ticketID uint, name string, expires int64) []byte {
	mac := hmac.New(sha256.New, secret)
	fmt.Fprintf(mac, "%d/%s/%d", ticketID, name, expires)
	return mac.Sum(nil)
}

// SignDownload returns the query string for a time-limited attachment link.
func SignDownload(secret []byte, ticketID uint, name string, ttl time.Duration) string {
	expires := time.Now().Add(ttl).Unix()
	return fmt.Sprintf("expires=%d&sig=%s", expires, hex.EncodeToString(downloadMAC(secret, ticketID, name, expires)))
}

func VerifyDownload(secret []byte, ticketID uint, name string, expires int64, sigHex string) bool {
	if time.Now().Unix() > expires {
		return false
	}
	sig, err := hex.DecodeString(sigHex)
	if err != nil {
		return false
	}
	return hmac.Equal(sig, downloadMAC(secret, ticketID, name, expires))
}
