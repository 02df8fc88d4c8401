package scheduling

import (
	"testing"
	"time"
)

func TestFixedPolicySlots(t *testing.T) {
	p := FixedPolicy{Open: 9, Close: 12, Minutes: 30}
	tests := []struct {
		name string
		day  time.Time
		want int
	}{
		{"weekday has six half-hour slots", time.Date(2024, 6, 3, 0, 0, 0, 0, time.UTC), 6},
		{"saturday is closed", time.Date(2024, 6, 8, 0, 0, 0, 0, time.UTC), 0},
		{"sunday is closed", time.Date(2024, 6, 9, 0, 0, 0, 0, time.UTC), 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := len(p.SlotsFor(tt.day, 7)); got != tt.want {
				t.Errorf("len(SlotsFor) = %d, want %d", got, tt.want)
			}
		})
	}
}

func TestFits(t *testing.T) {
	p := FixedPolicy{Open: 8, Close: 18, Minutes: 20}
	monday := time.Date(2024, 6, 3, 0, 0, 0, 0, time.UTC)
	cases := map[string]struct {
		at   time.Time
		want bool
	}{
		"on the grid":    {monday.Add(8*time.Hour + 40*time.Minute), true},
		"between slots":  {monday.Add(8*time.Hour + 45*time.Minute), false},
		"after closing":  {monday.Add(18 * time.Hour), false},
		"before opening": {monday.Add(7*time.Hour + 40*time.Minute), false},
	}
	for name, c := range cases {
		if got := Fits(p, c.at, 1); got != c.want {
			t.Errorf("%s: Fits = %v, want %v", name, got, c.want)
		}
	}
}
