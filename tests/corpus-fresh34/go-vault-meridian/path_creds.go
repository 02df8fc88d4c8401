package meridian

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/hashicorp/vault/sdk/framework"
	"github.com/hashicorp/vault/sdk/logical"
)

const secretTypeAPIKey = "meridian_api_key"

type keyIndexEntry struct {
	KeyID     string    `json:"key_id"`
	RoleName  string    `json:"role"`
	CreatedAt time.Time `json:"created_at"`
}

func pathCreds(b *backend) []*framework.Path {
	return []*framework.Path{{
		Pattern: "creds/" + framework.GenericNameRegex("role"),
		Fields: map[string]*framework.FieldSchema{
			"role": {Type: framework.TypeLowerCaseString, Description: "Role to issue a key for.", Required: true},
			"ttl": {
				Type:        framework.TypeDurationSecond,
				Description: "Requested lease TTL; capped at the role's max_ttl.",
			},
		},
		Operations: map[logical.Operation]framework.OperationHandler{
			logical.ReadOperation:   &framework.PathOperation{Callback: b.pathCredsRead},
			logical.UpdateOperation: &framework.PathOperation{Callback: b.pathCredsRead},
		},
		HelpSynopsis: "Issue a short-lived Meridian API key.",
	}}
}

func secretAPIKey(b *backend) *framework.Secret {
	return &framework.Secret{
		Type: secretTypeAPIKey,
		Fields: map[string]*framework.FieldSchema{
			"key_id":  {Type: framework.TypeString, Description: "Meridian key id."},
			"api_key": {Type: framework.TypeString, Description: "The API key."},
		},
		Renew:  b.secretKeyRenew,
		Revoke: b.secretKeyRevoke,
	}
}

func (b *backend) pathCredsRead(ctx context.Context, req *logical.Request, d *framework.FieldData) (*logical.Response, error) {
	roleName := d.Get("role").(string)
	r, err := getRole(ctx, req.Storage, roleName)
	if err != nil {
		return nil, err
	}
	if r == nil {
		return logical.ErrorResponse(fmt.Sprintf("unknown role %q", roleName)), nil
	}
	c, err := b.getClient(ctx, req.Storage)
	if err != nil {
		return nil, err
	}
	label := fmt.Sprintf("vault-%s-%s", roleName, req.DisplayName)
	key, err := c.CreateKey(ctx, label, r.Scopes, time.Now().Add(r.MaxTTL))
	if err != nil {
		return nil, fmt.Errorf("creating Meridian key: %w", err)
	}
	entry, err := logical.StorageEntryJSON("keys/"+key.ID, keyIndexEntry{KeyID: key.ID, RoleName: roleName, CreatedAt: time.Now().UTC()})
	if err != nil {
		return nil, err
	}
	if err := req.Storage.Put(ctx, entry); err != nil {
		return nil, err
	}

	resp := b.Secret(secretTypeAPIKey).Response(
		map[string]interface{}{"key_id": key.ID, "api_key": key.Secret, "scopes": key.Scopes},
		map[string]interface{}{"key_id": key.ID, "role": roleName},
	)
	resp.Secret.TTL = r.TTL
	resp.Secret.MaxTTL = r.MaxTTL
	return resp, nil
}

func (b *backend) secretKeyRenew(ctx context.Context, req *logical.Request, _ *framework.FieldData) (*logical.Response, error) {
	roleName, _ := req.Secret.InternalData["role"].(string)
	r, err := getRole(ctx, req.Storage, roleName)
	if err != nil {
		return nil, err
	}
	if r == nil {
		return nil, fmt.Errorf("role %q no longer exists", roleName)
	}
	resp := &logical.Response{Secret: req.Secret}
	resp.Secret.TTL = r.TTL
	resp.Secret.MaxTTL = r.MaxTTL
	return resp, nil
}

func (b *backend) secretKeyRevoke(ctx context.Context, req *logical.Request, _ *framework.FieldData) (*logical.Response, error) {
	keyID, _ := req.Secret.InternalData["key_id"].(string)
	if keyID == "" {
		return nil, errors.New("secret is missing key_id")
	}
	c, err := b.getClient(ctx, req.Storage)
	if err != nil {
		return nil, err
	}
	if err := c.DeleteKey(ctx, keyID); err != nil {
		if errors.Is(err, ErrKeyNotFound) {
			// Already deleted at Meridian (expired or revoked via callback).
			return nil, req.Storage.Delete(ctx, "keys/"+keyID)
		}
		b.Logger().Warn("revocation failed, queued for retry", "key_id", keyID, "error", err)
		if qerr := b.queue.Add(keyID); qerr != nil {
			return nil, fmt.Errorf("revoking %s: %w (queueing failed: %v)", keyID, err, qerr)
		}
		return nil, nil
	}
	return nil, req.Storage.Delete(ctx, "keys/"+keyID)
}

func (b *backend) revokeRoleKeys(ctx context.Context, s logical.Storage, roleName string) error {
	ids, err := s.List(ctx, "keys/")
	if err != nil {
		return err
	}
	c, err := b.getClient(ctx, s)
	if err != nil {
		return err
	}
	for _, id := range ids {
		entry, err := s.Get(ctx, "keys/"+id)
		if err != nil {
			return err
		}
		if entry == nil {
			continue
		}
		var idx keyIndexEntry
		if err := entry.DecodeJSON(&idx); err != nil {
			return err
		}
		if idx.RoleName != roleName {
			continue
		}
		if err := c.DeleteKey(ctx, id); err != nil && !errors.Is(err, ErrKeyNotFound) {
			return fmt.Errorf("revoking %s: %w", id, err)
		}
		if err := s.Delete(ctx, "keys/"+id); err != nil {
			return err
		}
	}
	return nil
}

// retryRevocations runs on Vault's periodic tick.
func (b *backend) retryRevocations(ctx context.Context, req *logical.Request) error {
	pending, err := b.queue.Pending()
	if err != nil || len(pending) == 0 {
		return err
	}
	c, err := b.getClient(ctx, req.Storage)
	if err != nil {
		// Mount not configured (yet, or any more): nothing can be retried until it is,
		// and the queue is kept for the next tick.
		return nil
	}
	for _, id := range pending {
		if err := c.DeleteKey(ctx, id); err != nil && !errors.Is(err, ErrKeyNotFound) {
			b.Logger().Warn("retrying revocation failed", "key_id", id, "error", err)
			continue
		}
		if err := b.queue.Done(id); err != nil {
			return err
		}
		if err := req.Storage.Delete(ctx, "keys/"+id); err != nil {
			return err
		}
	}
	return nil
}
