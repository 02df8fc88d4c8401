package service

import "testing"

func checkDelta(t *testing.T, got, want int64) {
	t.Helper()
	if got != want {
		t.Errorf("delta = %d, want %d", got, want)
	}
}

func TestDelta(t *testing.T) {
	tests := []struct {
		name        string
		kind        AdjustmentKind
		qty, onHand int64
		want        int64
	}{
		{"receive adds", Receive, 5, 10, 5},
		{"ship subtracts", Ship, 3, 10, -3},
		{"count sets absolute", Count, 7, 10, -3},
		{"count up", Count, 12, 10, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkDelta(t, delta(tt.kind, tt.qty, tt.onHand), tt.want)
		})
	}
}

func TestAdjustmentKindValid(t *testing.T) {
	for _, tt := range []struct {
		kind AdjustmentKind
		want bool
	}{{0, false}, {Receive, true}, {Ship, true}, {Count, true}, {4, false}} {
		if got := tt.kind.valid(); got != tt.want {
			t.Errorf("AdjustmentKind(%d).valid() = %v, want %v", tt.kind, got, tt.want)
		}
	}
}

func TestDeltaPanicsOnUnknownKind(t *testing.T) {
	defer func() { _ = recover() }()
	delta(AdjustmentKind(9), 1, 1)
}
