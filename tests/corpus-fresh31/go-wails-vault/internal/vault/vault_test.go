package vault

import (
	"errors"
	"io"
	"log/slog"
	"path/filepath"
	"testing"

	"github.com/dkrylov/vault/internal/store"
)

const testMaster = "correct horse battery staple"

func newTestService(t *testing.T) *Service {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "vault.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return NewService(st, slog.New(slog.NewTextHandler(io.Discard, nil)))
}

func mustSetup(t *testing.T, s *Service) {
	t.Helper()
	if err := s.Setup(testMaster); err != nil {
		t.Fatalf("setup: %v", err)
	}
}

func TestLockedVaultRefusesReads(t *testing.T) {
	s := newTestService(t)
	mustSetup(t, s)
	s.Lock()
	if _, err := s.ListItems(); !errors.Is(err, ErrLocked) {
		t.Fatalf("ListItems on locked vault: %v", err)
	}
	if _, err := s.GetItem("x"); !errors.Is(err, ErrLocked) {
		t.Fatalf("GetItem on locked vault: %v", err)
	}
}

func TestWrongPasswordIsRejected(t *testing.T) {
	s := newTestService(t)
	mustSetup(t, s)
	s.Lock()
	if err := s.Unlock("not the password"); !errors.Is(err, ErrWrongPassword) {
		t.Fatalf("got %v", err)
	}
}

func TestUnlockAfterRestart(t *testing.T) {
	s := newTestService(t)
	mustSetup(t, s)
	s.Lock()
	s.Unlock(testMaster)
}

func TestSaveAndReadBack(t *testing.T) {
	s := newTestService(t)
	mustSetup(t, s)
	id, err := s.SaveItem(Item{Title: "Bank", URL: "https://bank.example", Username: "dk", Password: "hunter2hunter2"})
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.GetItem(id)
	if err != nil {
		t.Fatal(err)
	}
	if got.Password != "hunter2hunter2" || got.Title != "Bank" {
		t.Fatalf("unexpected item %+v", got)
	}
}

func TestChangeMasterPasswordKeepsItems(t *testing.T) {
	s := newTestService(t)
	mustSetup(t, s)
	id, err := s.SaveItem(Item{Title: "Mail", Password: "pw-123456789"})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.ChangeMasterPassword(testMaster, "a much longer new master"); err != nil {
		t.Fatal(err)
	}
	s.Lock()
	if err := s.Unlock("a much longer new master"); err != nil {
		t.Fatal(err)
	}
	if got, err := s.GetItem(id); err != nil || got.Password != "pw-123456789" {
		t.Fatalf("after rekey: %+v, %v", got, err)
	}
}
