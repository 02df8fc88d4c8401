package meridian

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"sort"
	"sync"
)

const revokeQueuePath = "/tmp/vault-meridian-revoke-queue.json"

// revokeQueue remembers keys whose revocation at Meridian failed so the
// periodic function can retry them.
type revokeQueue struct {
	mu   sync.Mutex
	path string
}

func newRevokeQueue(path string) *revokeQueue {
	return &revokeQueue{path: path}
}

func (q *revokeQueue) load() (map[string]bool, error) {
	data, err := os.ReadFile(q.path)
	if errors.Is(err, fs.ErrNotExist) {
		return map[string]bool{}, nil
	}
	if err != nil {
		return nil, err
	}
	ids := map[string]bool{}
	if err := json.Unmarshal(data, &ids); err != nil {
		return nil, err
	}
	return ids, nil
}

func (q *revokeQueue) store(ids map[string]bool) error {
	data, err := json.Marshal(ids)
	if err != nil {
		return err
	}
	return os.WriteFile(q.path, data, 0o600)
}

func (q *revokeQueue) Add(keyID string) error {
	q.mu.Lock()
	defer q.mu.Unlock()
	ids, err := q.load()
	if err != nil {
		return err
	}
	ids[keyID] = true
	return q.store(ids)
}

func (q *revokeQueue) Done(keyID string) error {
	q.mu.Lock()
	defer q.mu.Unlock()
	ids, err := q.load()
	if err != nil {
		return err
	}
	delete(ids, keyID)
	return q.store(ids)
}

func (q *revokeQueue) Pending() ([]string, error) {
	q.mu.Lock()
	defer q.mu.Unlock()
	ids, err := q.load()
	if err != nil {
		return nil, err
	}
	out := make([]string, 0, len(ids))
	for id := range ids {
		out = append(out, id)
	}
	sort.Strings(out)
	return out, nil
}
