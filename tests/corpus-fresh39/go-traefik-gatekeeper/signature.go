package traefik_gatekeeper

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"net/http"
	"strconv"
	"time"
)

const maxSignedBody = 1 << 20

// checkHMAC verifies X-Signature: hex(HMAC-SHA256(secret, timestamp + "." + body))
// with X-Signature-Timestamp in unix seconds. The body is restored for upstream.
func (g *Gatekeeper) checkHMAC(req *http.Request) error {
	ts := req.Header.Get("X-Signature-Timestamp")
	sent, err := hex.DecodeString(req.Header.Get("X-Signature"))
	if err != nil || ts == "" {
		return errors.New("missing signature")
	}
	unix, err := strconv.ParseInt(ts, 10, 64)
	if err != nil {
		return errors.New("bad timestamp")
	}
	skew := g.now().Sub(time.Unix(unix, 0))
	if skew < 0 {
		skew = -skew
	}
	if skew > time.Duration(g.config.HMACMaxSkew)*time.Second {
		return errors.New("stale signature")
	}

	body, err := io.ReadAll(io.LimitReader(req.Body, maxSignedBody+1))
	if err != nil {
		return err
	}
	if len(body) > maxSignedBody {
		return errors.New("body too large to verify")
	}
	req.Body = io.NopCloser(bytes.NewReader(body))

	mac := hmac.New(sha256.New, []byte(g.config.HMACSecret))
	mac.Write([]byte(ts + "."))
	mac.Write(body)
	if !hmac.Equal(mac.Sum(nil), sent) {
		return errors.New("signature mismatch")
	}
	return nil
}
