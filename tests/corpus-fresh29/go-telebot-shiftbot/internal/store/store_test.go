package store

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"
)

func openTest(t *testing.T) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "shiftbot-test.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestRedeemInvite(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	if err := s.CreateInvite(ctx, "K7Q2M9", "rp-104", "ward-3"); err != nil {
		t.Fatal(err)
	}
	st, err := s.RedeemInvite(ctx, "K7Q2M9", 5551, "Nia Okafor")
	if err != nil {
		t.Fatalf("redeem: %v", err)
	}
	if st.RotaID != "rp-104" || st.TeamID != "ward-3" {
		t.Errorf("staff = %+v", st)
	}
	if _, err := s.RedeemInvite(ctx, "K7Q2M9", 5552, "Someone Else"); !errors.Is(err, ErrNotFound) {
		t.Errorf("second redemption: err = %v, want ErrNotFound", err)
	}
}

func TestCancelShift(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	start := time.Date(2024, 6, 3, 7, 0, 0, 0, time.UTC)
	if err := s.UpsertShifts(ctx, []Shift{{ID: "sh-1", RotaID: "rp-1", StartsAt: start, EndsAt: start.Add(8 * time.Hour), Role: "HCA"}}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		shiftID string
		wantErr error
	}{
		{"existing shift", "sh-1", nil},
		{"already cancelled", "sh-1", ErrNotFound},
		{"unknown shift", "sh-404", ErrNotFound},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if err := s.CancelShift(ctx, tc.shiftID, 99); !errors.Is(err, tc.wantErr) {
				t.Errorf("CancelShift(%q) = %v, want %v", tc.shiftID, err, tc.wantErr)
			}
		})
	}
}

func TestDecideSwapRecordsAudit(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	start := time.Date(2024, 6, 4, 19, 0, 0, 0, time.UTC)
	s.UpsertShifts(ctx, []Shift{{ID: "sh-2", RotaID: "rp-1", StartsAt: start, EndsAt: start.Add(12 * time.Hour), Role: "RN"}})
	id, _ := s.OpenSwap(ctx, "sh-2", 5551)
	s.TakeSwap(ctx, id, 5553)
	s.DecideSwap(ctx, id, "approved", 42)
}
