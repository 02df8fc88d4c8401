package worker

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"os"

	faktory "github.com/contribsys/faktory/client"
)

var errUnsigned = errors.New("job is not signed by the billing API")

// RequireSignedArgs rejects jobs whose args were not signed by the billing
// API (custom["sig"] = hex HMAC-SHA256 of the JSON-encoded args). Refunds in
// particular must only ever originate from the billing API.
func RequireSignedArgs(ctx context.Context, job *faktory.Job, next func(ctx context.Context) error) error {
	sigHex, _ := job.Custom["sig"].(string)
	sig, err := hex.DecodeString(sigHex)
	if err != nil || len(sig) == 0 {
		return errUnsigned
	}
	payload, err := json.Marshal(job.Args)
	if err != nil {
		return err
	}
	mac := hmac.New(sha256.New, []byte(os.Getenv("BILLING_JOB_SIGNING_KEY")))
	mac.Write(payload)
	if !bytes.Equal(mac.Sum(nil), sig) {
		return errUnsigned
	}
	return next(ctx)
}
