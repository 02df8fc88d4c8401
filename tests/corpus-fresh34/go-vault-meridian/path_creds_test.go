package meridian

import (
	"context"
	"errors"
	"testing"

	"github.com/hashicorp/vault/sdk/logical"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCredsIssueAndRevoke(t *testing.T) {
	b, s, fake := testBackend(t)
	configure(t, b, s)
	_, err := write(t, b, s, "roles/ingest", map[string]interface{}{"scopes": "events:write", "ttl": 600, "max_ttl": 3600})
	require.NoError(t, err)

	resp, err := b.HandleRequest(context.Background(), &logical.Request{
		Operation: logical.ReadOperation,
		Path:      "creds/ingest",
		Storage:   s,
	})
	require.NoError(t, err)
	require.NotNil(t, resp.Secret)
	keyID := resp.Data["key_id"].(string)
	assert.Contains(t, fake.keys, keyID)

	_, err = b.HandleRequest(context.Background(), &logical.Request{
		Operation: logical.RevokeOperation,
		Storage:   s,
		Secret:    resp.Secret,
	})
	require.NoError(t, err)
	assert.Equal(t, []string{keyID}, fake.deleted)
}

func TestUnknownRoleIsAnError(t *testing.T) {
	b, s, _ := testBackend(t)
	configure(t, b, s)
	resp, err := b.HandleRequest(context.Background(), &logical.Request{
		Operation: logical.ReadOperation,
		Path:      "creds/nope",
		Storage:   s,
	})
	requireErrorResponse(t, resp, err, "unknown role")
}

func TestAdminScopeCannotBeGranted(t *testing.T) {
	b, s, _ := testBackend(t)
	resp, err := write(t, b, s, "roles/root", map[string]interface{}{"scopes": "admin"})
	requireErrorResponse(t, resp, err, "cannot be granted")
}

func TestFailedRevocationIsQueued(t *testing.T) {
	b, s, fake := testBackend(t)
	configure(t, b, s)
	_, err := write(t, b, s, "roles/ingest", map[string]interface{}{"scopes": "events:write"})
	require.NoError(t, err)
	resp, err := b.HandleRequest(context.Background(), &logical.Request{Operation: logical.ReadOperation, Path: "creds/ingest", Storage: s})
	require.NoError(t, err)

	fake.deleteErr = errors.New("meridian unavailable")
	_, err = b.HandleRequest(context.Background(), &logical.Request{Operation: logical.RevokeOperation, Storage: s, Secret: resp.Secret})
	require.NoError(t, err)
	pending, err := b.queue.Pending()
	require.NoError(t, err)
	assert.Equal(t, []string{resp.Data["key_id"].(string)}, pending)
}

func TestCallbackRejectsBadSignature(t *testing.T) {
	b, s, _ := testBackend(t)
	configure(t, b, s)
	_, err := write(t, b, s, "callback/revoked", map[string]interface{}{
		"key_id":    "key_x",
		"timestamp": "1700000000",
		"signature": "00",
	})
	require.ErrorIs(t, err, logical.ErrPermissionDenied)
}
