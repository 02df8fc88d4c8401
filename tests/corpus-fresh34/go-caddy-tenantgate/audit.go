package tenantgate

import (
	"encoding/json"
	"os"
	"sync"
	"time"
)

type auditEntry struct {
	Time     time.Time `json:"ts"`
	Tenant   string    `json:"tenant,omitempty"`
	Remote   string    `json:"remote"`
	Method   string    `json:"method"`
	Path     string    `json:"path"`
	Status   int       `json:"status"`
	Reason   string    `json:"reason"`
	KeyHash8 string    `json:"key_hash8,omitempty"`
}

// auditLog appends one JSON object per denied request.
type auditLog struct {
	mu   sync.Mutex
	f    *os.File
	path string
	enc  *json.Encoder
}

func newAuditLog(path string, maxSizeMB int) (*auditLog, error) {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o640)
	if err != nil {
		return nil, err
	}
	return &auditLog{f: f, path: path, enc: json.NewEncoder(f)}, nil
}

func (a *auditLog) Record(e auditEntry) error {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.enc.Encode(e)
}

func (a *auditLog) Close() error {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.f.Close()
}
