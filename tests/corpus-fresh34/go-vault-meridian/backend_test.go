package meridian

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hashicorp/vault/sdk/logical"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type fakeMeridian struct {
	mu        sync.Mutex
	next      int
	keys      map[string]APIKey
	deleted   []string
	deleteErr error
}

func (f *fakeMeridian) CreateKey(_ context.Context, label string, scopes []string, _ time.Time) (APIKey, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.next++
	k := APIKey{ID: "key_" + strings.Repeat("x", f.next), Secret: "mrd_test_" + label, Scopes: scopes}
	if f.keys == nil {
		f.keys = map[string]APIKey{}
	}
	f.keys[k.ID] = k
	return k, nil
}

func (f *fakeMeridian) DeleteKey(_ context.Context, id string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.deleteErr != nil {
		return f.deleteErr
	}
	if _, ok := f.keys[id]; !ok {
		return ErrKeyNotFound
	}
	delete(f.keys, id)
	f.deleted = append(f.deleted, id)
	return nil
}

func (f *fakeMeridian) RotateAdminKey(context.Context) (string, error) {
	return "mrd_admin_rotated", nil
}

func testBackend(t *testing.T) (*backend, logical.Storage, *fakeMeridian) {
	t.Helper()
	conf := logical.TestBackendConfig()
	conf.StorageView = &logical.InmemStorage{}
	fake := &fakeMeridian{}
	b := newBackend()
	b.newClient = func(*config) meridianAPI { return fake }
	b.queue = newRevokeQueue(t.TempDir() + "/queue.json")
	require.NoError(t, b.Setup(context.Background(), conf))
	return b, conf.StorageView, fake
}

func write(t *testing.T, b *backend, s logical.Storage, path string, data map[string]interface{}) (*logical.Response, error) {
	t.Helper()
	return b.HandleRequest(context.Background(), &logical.Request{
		Operation: logical.UpdateOperation,
		Path:      path,
		Storage:   s,
		Data:      data,
	})
}

func configure(t *testing.T, b *backend, s logical.Storage) {
	t.Helper()
	resp, err := b.HandleRequest(context.Background(), &logical.Request{
		Operation: logical.CreateOperation,
		Path:      "config",
		Storage:   s,
		Data: map[string]interface{}{
			"admin_key":       "test-admin-key",
			"callback_secret": "test-callback-secret",
		},
	})
	require.NoError(t, err)
	require.Nil(t, resp)
}

func requireErrorResponse(t *testing.T, resp *logical.Response, err error, contains string) {
	t.Helper()
	require.NoError(t, err)
	require.NotNil(t, resp)
	require.True(t, resp.IsError(), "expected an error response, got %#v", resp.Data)
	assert.Contains(t, resp.Error().Error(), contains)
}

func TestConfigWrite(t *testing.T) {
	b, s, _ := testBackend(t)
	b.HandleRequest(context.Background(), &logical.Request{
		Operation: logical.CreateOperation,
		Path:      "config",
		Storage:   s,
		Data:      map[string]interface{}{"admin_key": "test-admin-key", "base_url": "https://meridian.test"},
	})
}

func TestConfigReadHidesAdminKey(t *testing.T) {
	b, s, _ := testBackend(t)
	configure(t, b, s)
	resp, err := b.HandleRequest(context.Background(), &logical.Request{
		Operation: logical.ReadOperation,
		Path:      "config",
		Storage:   s,
	})
	require.NoError(t, err)
	assert.Equal(t, true, resp.Data["admin_key_set"])
	assert.NotContains(t, resp.Data, "admin_key")
	assert.Equal(t, "https://api.meridian-analytics.com", resp.Data["base_url"])
}

func TestConfigRejectsPlainHTTP(t *testing.T) {
	b, s, _ := testBackend(t)
	resp, err := b.HandleRequest(context.Background(), &logical.Request{
		Operation: logical.CreateOperation,
		Path:      "config",
		Storage:   s,
		Data:      map[string]interface{}{"admin_key": "test-admin-key", "base_url": "http://meridian.test"},
	})
	requireErrorResponse(t, resp, err, "https")
}
