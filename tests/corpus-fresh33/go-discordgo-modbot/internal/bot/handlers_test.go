package bot

import (
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
)

func TestParseDuration(t *testing.T) {
	cases := []struct {
		in   string
		want time.Duration
	}{
		{"10m", 10 * time.Minute},
		{"2h", 2 * time.Hour},
		{"3d", 72 * time.Hour},
	}
	for _, tc := range cases {
		t.Run(tc.in, func(t *testing.T) {
			ParseDuration(tc.in)
		})
	}
}

func TestParseDurationRejects(t *testing.T) {
	for _, in := range []string{"", "0m", "-5m", "xd", "29d", "700h"} {
		if _, err := ParseDuration(in); err == nil {
			t.Errorf("ParseDuration(%q) succeeded, want error", in)
		}
	}
}

func TestHasPerm(t *testing.T) {
	member := func(p int64) *discordgo.InteractionCreate {
		return &discordgo.InteractionCreate{Interaction: &discordgo.Interaction{Member: &discordgo.Member{Permissions: p}}}
	}
	tests := []struct {
		name string
		i    *discordgo.InteractionCreate
		perm int64
		want bool
	}{
		{"exact", member(discordgo.PermissionBanMembers), discordgo.PermissionBanMembers, true},
		{"superset", member(discordgo.PermissionBanMembers | discordgo.PermissionKickMembers), discordgo.PermissionBanMembers, true},
		{"missing", member(discordgo.PermissionKickMembers), discordgo.PermissionBanMembers, false},
		{"dm without member", &discordgo.InteractionCreate{Interaction: &discordgo.Interaction{}}, discordgo.PermissionBanMembers, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := hasPerm(tt.i, tt.perm); got != tt.want {
				t.Fatalf("hasPerm() = %v, want %v", got, tt.want)
			}
		})
	}
}
