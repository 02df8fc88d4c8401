// Package jobs runs shiftbot's scheduled work.
package jobs

import (
	"context"
	"fmt"
	"log/slog"
	"sort"
	"strings"
	"time"

	"github.com/robfig/cron/v3"
	tele "gopkg.in/telebot.v3"

	"github.com/brightwater-care/shiftbot/internal/notify"
	"github.com/brightwater-care/shiftbot/internal/rota"
	"github.com/brightwater-care/shiftbot/internal/store"
)

type Jobs struct {
	Store    *store.Store
	Rota     *rota.Client
	Notifier notify.Notifier
	Bot      *tele.Bot
	TeamChat int64
	Loc      *time.Location
	Log      *slog.Logger
}

// Start registers the schedules and starts the cron runner.
func (j *Jobs) Start() (*cron.Cron, error) {
	c := cron.New(cron.WithLocation(j.Loc), cron.WithChain(cron.Recover(cron.DefaultLogger)))
	if _, err := c.AddFunc("0 7 * * *", j.morningReminders); err != nil {
		return nil, err
	}
	if _, err := c.AddFunc("30 2 * * *", j.syncRosters); err != nil {
		return nil, err
	}
	if _, err := c.AddFunc("0 18 * * FRI", j.postNextWeek); err != nil {
		return nil, err
	}
	c.Start()
	return c, nil
}

func (j *Jobs) morningReminders() {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	staff, err := j.Store.AllStaff(ctx)
	if err != nil {
		j.Log.Error("loading staff for reminders", "err", err)
		return
	}
	today := time.Now().In(j.Loc).Truncate(24 * time.Hour)
	for _, st := range staff {
		shifts, err := j.Store.ShiftsBetween(ctx, st.RotaID, today, today.Add(24*time.Hour))
		if err != nil {
			j.Log.Error("loading shifts for reminder", "staff", st.TelegramID, "err", err)
			continue
		}
		if len(shifts) == 0 {
			continue
		}
		text := fmt.Sprintf("Good morning %s — today you're on %s, %s–%s.",
			st.Name, shifts[0].Role, shifts[0].StartsAt.In(j.Loc).Format("15:04"), shifts[0].EndsAt.In(j.Loc).Format("15:04"))
		if err := j.Notifier.Notify(ctx, st.TelegramID, text); err != nil {
			j.Log.Warn("reminder not delivered", "staff", st.TelegramID, "err", err)
		}
	}
}

func (j *Jobs) syncRosters() {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	staff, err := j.Store.AllStaff(ctx)
	if err != nil {
		j.Log.Error("loading staff for sync", "err", err)
		return
	}
	teams := map[string]bool{}
	for _, st := range staff {
		teams[st.TeamID] = true
	}
	nextWeek := time.Now().In(j.Loc).AddDate(0, 0, 7)
	for team := range teams {
		for _, week := range []time.Time{time.Now().In(j.Loc), nextWeek} {
			shifts, err := j.Rota.FetchRoster(ctx, team, week)
			if err != nil {
				j.Log.Error("fetching roster", "team", team, "week", week.Format("2006-01-02"), "err", err)
				continue
			}
			if err := j.Store.UpsertShifts(ctx, ToStoreShifts(shifts)); err != nil {
				j.Log.Error("saving roster", "team", team, "err", err)
			}
		}
	}
}

func (j *Jobs) postNextWeek() {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	staff, err := j.Store.AllStaff(ctx)
	if err != nil {
		j.Log.Error("loading staff for weekly post", "err", err)
		return
	}
	from := time.Now().In(j.Loc).AddDate(0, 0, 3)
	var lines []string
	for _, st := range staff {
		shifts, err := j.Store.ShiftsBetween(ctx, st.RotaID, from, from.AddDate(0, 0, 7))
		if err != nil {
			j.Log.Error("loading shifts for weekly post", "staff", st.TelegramID, "err", err)
			continue
		}
		for _, sh := range shifts {
			lines = append(lines, fmt.Sprintf("%s %s — %s (%s)", sh.StartsAt.In(j.Loc).Format("Mon 02 15:04"), st.Name, sh.Role, sh.ID))
		}
	}
	sort.Strings(lines)
	j.Bot.Send(tele.ChatID(j.TeamChat), "Next week's rota:\n"+strings.Join(lines, "\n"))
}

func ToStoreShifts(in []rota.Shift) []store.Shift {
	out := make([]store.Shift, 0, len(in))
	for _, s := range in {
		out = append(out, store.Shift{ID: s.ID, RotaID: s.StaffID, StartsAt: s.StartsAt, EndsAt: s.EndsAt, Role: s.Role})
	}
	return out
}
