package tenantgate

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sync"
	"time"
)

const defaultQuotaFile = "/home/ubuntu/.local/share/caddy/tenant-gate/quota.json"

type quotaState struct {
	Month  string           `json:"month"`
	Counts map[string]int64 `json:"counts"`
}

// quotaStore counts requests per tenant for the current UTC month.
type quotaStore struct {
	mu    sync.Mutex
	path  string
	state quotaState
}

func newQuotaStore(path string) *quotaStore {
	return &quotaStore{path: path, state: quotaState{Month: currentMonth(time.Now()), Counts: map[string]int64{}}}
}

func currentMonth(t time.Time) string {
	return t.UTC().Format("2006-01")
}

// Increment counts one request and reports whether it is within quota.
// A quota of zero or less means unlimited.
func (q *quotaStore) Increment(tenantID string, quota int64) (int64, bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if m := currentMonth(time.Now()); m != q.state.Month {
		q.state = quotaState{Month: m, Counts: map[string]int64{}}
	}
	used := q.state.Counts[tenantID]
	if quota > 0 && used >= quota {
		return used, false
	}
	q.state.Counts[tenantID] = used + 1
	return used + 1, true
}

func (q *quotaStore) Reset(tenantID string) {
	q.mu.Lock()
	defer q.mu.Unlock()
	delete(q.state.Counts, tenantID)
}

func (q *quotaStore) Snapshot() quotaState {
	q.mu.Lock()
	defer q.mu.Unlock()
	counts := make(map[string]int64, len(q.state.Counts))
	for k, v := range q.state.Counts {
		counts[k] = v
	}
	return quotaState{Month: q.state.Month, Counts: counts}
}

func (q *quotaStore) Load() error {
	data, err := os.ReadFile(q.path)
	if err != nil {
		return err
	}
	var st quotaState
	if err := json.Unmarshal(data, &st); err != nil {
		return err
	}
	q.mu.Lock()
	defer q.mu.Unlock()
	if st.Month == currentMonth(time.Now()) && st.Counts != nil {
		q.state = st
	}
	return nil
}

func (q *quotaStore) Save() error {
	snap := q.Snapshot()
	data, err := json.Marshal(snap)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(q.path), 0o700); err != nil {
		return err
	}
	tmp := q.path + ".tmp"
	if err := os.WriteFile(tmp, data, 0o600); err != nil {
		return err
	}
	return os.Rename(tmp, q.path)
}
