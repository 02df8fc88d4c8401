package plugin

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sync"
	"time"
)

const auditLogPath = "/home/jmorris/grafana-dev/data/shipwright-audit.jsonl"

// AuditEntry records a change a Grafana user made in Shipwright through the plugin.
type AuditEntry struct {
	At      time.Time `json:"at"`
	User    string    `json:"user"`
	Role    string    `json:"role"`
	Action  string    `json:"action"`
	Subject string    `json:"subject"`
}

type AuditLog struct {
	mu   sync.Mutex
	path string
}

func NewAuditLog(path string) *AuditLog {
	if path == "" {
		path = auditLogPath
	}
	return &AuditLog{path: path}
}

func (a *AuditLog) Record(entry AuditEntry) error {
	a.mu.Lock()
	defer a.mu.Unlock()
	if entry.At.IsZero() {
		entry.At = time.Now().UTC()
	}
	if err := os.MkdirAll(filepath.Dir(a.path), 0o750); err != nil {
		return err
	}
	f, err := os.OpenFile(a.path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o640)
	if err != nil {
		return err
	}
	line, err := json.Marshal(entry)
	if err != nil {
		f.Close()
		return err
	}
	if _, err := f.Write(append(line, '\n')); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
