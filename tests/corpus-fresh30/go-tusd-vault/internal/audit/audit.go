package audit

import (
	"encoding/json"
	"log/slog"
	"os"
	"path/filepath"
	"sync"
	"time"
)

const logPath = "/home/deploy/vault/audit.jsonl"

type Event struct {
	Time   time.Time `json:"time"`
	Actor  string    `json:"actor"`
	Action string    `json:"action"`
	Upload string    `json:"upload"`
	Detail string    `json:"detail,omitempty"`
}

type Recorder interface {
	Record(e Event) error
}

// Nop is used when auditing is switched off in config; it records nothing on purpose.
type Nop struct{}

func (Nop) Record(Event) error { return nil }

type File struct {
	mu  sync.Mutex
	f   *os.File
	log *slog.Logger
}

func Open(log *slog.Logger) (*File, error) {
	if err := os.MkdirAll(filepath.Dir(logPath), 0o750); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(logPath, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o640)
	if err != nil {
		return nil, err
	}
	return &File{f: f, log: log}, nil
}

func (a *File) Record(e Event) error {
	if e.Time.IsZero() {
		e.Time = time.Now().UTC()
	}
	line, err := json.Marshal(e)
	if err != nil {
		return err
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	if _, err := a.f.Write(append(line, '\n')); err != nil {
		a.log.Error("audit write failed", "err", err, "action", e.Action, "upload", e.Upload)
		return err
	}
	return nil
}

func (a *File) Close() error { return a.f.Close() }
