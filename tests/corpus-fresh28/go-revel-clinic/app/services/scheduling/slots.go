// Package scheduling decides which appointment start times are bookable.
package scheduling

import "time"

// Policy yields the bookable slots of a clinician on a day.
type Policy interface {
	SlotsFor(day time.Time, clinicianID uint) []time.Time
}

// FixedPolicy is the same grid for every clinician: Open..Close in
// Minutes-long slots, Monday to Friday.
type FixedPolicy struct {
	Open, Close int
	Minutes     int
}

// SlotsFor ignores the clinician: a fixed grid is identical for everyone,
// the parameter exists for Policy implementations backed by rosters.
func (p FixedPolicy) SlotsFor(day time.Time, _ uint) []time.Time {
	if wd := day.Weekday(); wd == time.Saturday || wd == time.Sunday || p.Minutes <= 0 {
		return nil
	}
	start := time.Date(day.Year(), day.Month(), day.Day(), p.Open, 0, 0, 0, day.Location())
	end := time.Date(day.Year(), day.Month(), day.Day(), p.Close, 0, 0, 0, day.Location())
	var slots []time.Time
	for t := start; t.Before(end); t = t.Add(time.Duration(p.Minutes) * time.Minute) {
		slots = append(slots, t)
	}
	return slots
}

// Fits reports whether start is exactly one of the policy's slots.
func Fits(p Policy, start time.Time, clinicianID uint) bool {
	for _, s := range p.SlotsFor(start, clinicianID) {
		if s.Equal(start) {
			return true
		}
	}
	return false
}
