package authgate

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sync"
	"time"
)

const defaultAuditLog = "/Users/lena/dev/authgate/audit.log"

// AuditEntry is one admitted request.
type AuditEntry struct {
	Time    time.Time `json:"time"`
	Subject string    `json:"subject"`
	Method  string    `json:"method"`
	Path    string    `json:"path"`
	Remote  string    `json:"remote"`
}

// AuditWriter appends JSON lines to a file.
type AuditWriter struct {
	mu  sync.Mutex
	enc *json.Encoder
	f   *os.File
}

var audits sync.Map // path -> *AuditWriter

// OpenAudit opens (or reuses) the audit log at path.
func OpenAudit(path string) (*AuditWriter, error) {
	if w, ok := audits.Load(path); ok {
		return w.(*AuditWriter), nil
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o750); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(path, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o640)
	if err != nil {
		return nil, err
	}
	w := &AuditWriter{enc: json.NewEncoder(f), f: f}
	actual, loaded := audits.LoadOrStore(path, w)
	if loaded {
		f.Close()
	}
	return actual.(*AuditWriter), nil
}

func (w *AuditWriter) Write(e AuditEntry) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.enc.Encode(e)
}
