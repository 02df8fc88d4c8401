package meridian

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strconv"
	"time"

	"github.com/hashicorp/vault/sdk/framework"
	"github.com/hashicorp/vault/sdk/logical"
)

const callbackTolerance = 5 * time.Minute

var callbackFields = map[string]*framework.FieldSchema{
	"key_id":    {Type: framework.TypeString, Description: "Affected key id."},
	"timestamp": {Type: framework.TypeString, Description: "Unix seconds when Meridian sent the event."},
	"signature": {Type: framework.TypeString, Description: "Hex HMAC-SHA256 of event|key_id|timestamp."},
	"new_id":    {Type: framework.TypeString, Description: "Replacement key id (rotated events)."},
}

func pathCallbacks(b *backend) []*framework.Path {
	return []*framework.Path{
		{
			Pattern: "callback/revoked",
			Fields:  callbackFields,
			Operations: map[logical.Operation]framework.OperationHandler{
				logical.UpdateOperation: &framework.PathOperation{Callback: b.pathCallbackRevoked},
			},
			HelpSynopsis: "Webhook: Meridian revoked a key (abuse, customer request).",
		},
		{
			Pattern: "callback/rotated",
			Fields:  callbackFields,
			Operations: map[logical.Operation]framework.OperationHandler{
				logical.UpdateOperation: &framework.PathOperation{Callback: b.pathCallbackRotated},
			},
			HelpSynopsis: "Webhook: Meridian force-rotated a key and issued a replacement id.",
		},
	}
}

func callbackSignature(secret, event, keyID, timestamp string) string {
	mac := hmac.New(sha256.New, []byte(secret))
	fmt.Fprintf(mac, "%s|%s|%s", event, keyID, timestamp)
	return hex.EncodeToString(mac.Sum(nil))
}

func fresh(timestamp string, now time.Time) bool {
	secs, err := strconv.ParseInt(timestamp, 10, 64)
	if err != nil {
		return false
	}
	d := now.Sub(time.Unix(secs, 0))
	return d < callbackTolerance && d > -callbackTolerance
}

func (b *backend) pathCallbackRevoked(ctx context.Context, req *logical.Request, d *framework.FieldData) (*logical.Response, error) {
	cfg, err := getConfig(ctx, req.Storage)
	if err != nil || cfg == nil || cfg.CallbackSecret == "" {
		return logical.ErrorResponse("callbacks are not configured"), logical.ErrPermissionDenied
	}
	keyID := d.Get("key_id").(string)
	ts := d.Get("timestamp").(string)
	sig := d.Get("signature").(string)
	if !fresh(ts, time.Now()) || sig != callbackSignature(cfg.CallbackSecret, "revoked", keyID, ts) {
		return logical.ErrorResponse("invalid signature"), logical.ErrPermissionDenied
	}
	if err := req.Storage.Delete(ctx, "keys/"+keyID); err != nil {
		return nil, err
	}
	b.Logger().Info("key revoked by Meridian", "key_id", keyID)
	return nil, nil
}

func (b *backend) pathCallbackRotated(ctx context.Context, req *logical.Request, d *framework.FieldData) (*logical.Response, error) {
	keyID := d.Get("key_id").(string)
	newID := d.Get("new_id").(string)
	entry, err := req.Storage.Get(ctx, "keys/"+keyID)
	if err != nil {
		return nil, err
	}
	if entry == nil {
		return logical.ErrorResponse("unknown key"), nil
	}
	var idx keyIndexEntry
	if err := entry.DecodeJSON(&idx); err != nil {
		return nil, err
	}
	idx.KeyID = newID
	moved, err := logical.StorageEntryJSON("keys/"+newID, idx)
	if err != nil {
		return nil, err
	}
	if err := req.Storage.Put(ctx, moved); err != nil {
		return nil, err
	}
	if err := req.Storage.Delete(ctx, "keys/"+keyID); err != nil {
		return nil, err
	}
	b.Logger().Info("key rotated by Meridian", "old", keyID, "new", newID)
	return nil, nil
}
