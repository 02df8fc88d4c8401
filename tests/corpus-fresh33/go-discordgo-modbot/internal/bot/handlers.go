package bot

import (
	"context"
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/northwind-gg/modbot/internal/config"
	"github.com/northwind-gg/modbot/internal/modapi"
	"github.com/northwind-gg/modbot/internal/modlog"
)

const maxTimeout = 28 * 24 * time.Hour

type Handlers struct {
	cfg    *config.Config
	store  *modlog.Store
	modapi modapi.Classifier
	log    *slog.Logger
}

func NewHandlers(cfg *config.Config, store *modlog.Store, classifier modapi.Classifier, log *slog.Logger) *Handlers {
	return &Handlers{cfg: cfg, store: store, modapi: classifier, log: log}
}

type commandFunc func(h *Handlers, s *discordgo.Session, i *discordgo.InteractionCreate)

var commandHandlers = map[string]commandFunc{
	"ping":     (*Handlers).ping,
	"ban":      (*Handlers).ban,
	"timeout":  (*Handlers).timeout,
	"warnings": (*Handlers).warnings,
	"report":   (*Handlers).report,
}

func hasPerm(i *discordgo.InteractionCreate, p int64) bool {
	return i.Member != nil && i.Member.Permissions&p == p
}

func respond(s *discordgo.Session, i *discordgo.InteractionCreate, content string, ephemeral bool) {
	data := &discordgo.InteractionResponseData{Content: content}
	if ephemeral {
		data.Flags = discordgo.MessageFlagsEphemeral
	}
	if err := s.InteractionRespond(i.Interaction, &discordgo.InteractionResponse{
		Type: discordgo.InteractionResponseChannelMessageWithSource,
		Data: data,
	}); err != nil {
		slog.Warn("interaction response failed", "interaction", i.ID, "err", err)
	}
}

func options(i *discordgo.InteractionCreate) map[string]*discordgo.ApplicationCommandInteractionDataOption {
	out := make(map[string]*discordgo.ApplicationCommandInteractionDataOption)
	for _, o := range i.ApplicationCommandData().Options {
		out[o.Name] = o
	}
	return out
}

// ParseDuration accepts Go durations plus a "d" suffix for days.
func ParseDuration(raw string) (time.Duration, error) {
	raw = strings.TrimSpace(raw)
	if strings.HasSuffix(raw, "d") {
		days, err := strconv.Atoi(strings.TrimSuffix(raw, "d"))
		if err != nil || days <= 0 {
			return 0, fmt.Errorf("invalid duration %q", raw)
		}
		return time.Duration(days) * 24 * time.Hour, nil
	}
	d, err := time.ParseDuration(raw)
	if err != nil || d <= 0 {
		return 0, fmt.Errorf("invalid duration %q", raw)
	}
	if d > maxTimeout {
		return 0, fmt.Errorf("timeouts are limited to 28 days")
	}
	return d, nil
}

// ping is deliberately available to everyone; it reveals nothing but latency.
func (h *Handlers) ping(s *discordgo.Session, i *discordgo.InteractionCreate) {
	respond(s, i, fmt.Sprintf("pong (%dms)", s.HeartbeatLatency().Milliseconds()), true)
}

func (h *Handlers) ban(s *discordgo.Session, i *discordgo.InteractionCreate) {
	if !hasPerm(i, discordgo.PermissionBanMembers) {
		respond(s, i, "You need the Ban Members permission.", true)
		return
	}
	opts := options(i)
	target := opts["user"].UserValue(s)
	reason := opts["reason"].StringValue()
	if target.ID == i.Member.User.ID {
		respond(s, i, "You cannot ban yourself.", true)
		return
	}
	if err := s.GuildBanCreateWithReason(i.GuildID, target.ID, reason, 0); err != nil {
		h.log.Error("ban failed", "target", target.ID, "err", err)
		respond(s, i, "Ban failed: "+err.Error(), true)
		return
	}
	_ = h.store.LogAction(context.Background(), modlog.Action{
		GuildID: i.GuildID, TargetID: target.ID, ModeratorID: i.Member.User.ID, Kind: "ban", Reason: reason,
	})
	respond(s, i, fmt.Sprintf("Banned %s: %s", target.Username, reason), false)
}

func (h *Handlers) applyTimeout(s *discordgo.Session, guildID, userID string, d time.Duration, reason string) error {
	until := time.Now().Add(d)
	return s.GuildMemberTimeout(guildID, userID, &until)
}

func (h *Handlers) timeout(s *discordgo.Session, i *discordgo.InteractionCreate) {
	if !hasPerm(i, discordgo.PermissionModerateMembers) {
		respond(s, i, "You need the Timeout Members permission.", true)
		return
	}
	opts := options(i)
	target := opts["user"].UserValue(s)
	reason := opts["reason"].StringValue()
	d, err := ParseDuration(opts["duration"].StringValue())
	if err != nil {
		respond(s, i, err.Error(), true)
		return
	}
	if err := h.applyTimeout(s, i.GuildID, target.ID, d, reason); err != nil {
		h.log.Error("timeout failed", "target", target.ID, "err", err)
		respond(s, i, "Timeout failed: "+err.Error(), true)
		return
	}
	if err := h.store.LogAction(context.Background(), modlog.Action{
		GuildID: i.GuildID, TargetID: target.ID, ModeratorID: i.Member.User.ID, Kind: "timeout", Reason: reason,
	}); err != nil {
		h.log.Error("mod log write failed", "kind", "timeout", "err", err)
		respond(s, i, "Timed out, but the mod log write failed; please note it manually.", true)
		return
	}
	respond(s, i, fmt.Sprintf("%s timed out for %s.", target.Username, d), false)
}

func (h *Handlers) warnings(s *discordgo.Session, i *discordgo.InteractionCreate) {
	respond(s, i, "Warning history is not implemented yet.", true)
}

// report is open to every member: it only files a case for the moderators (see components.go).
func (h *Handlers) report(s *discordgo.Session, i *discordgo.InteractionCreate) {
	target := options(i)["user"].UserValue(s)
	err := s.InteractionRespond(i.Interaction, &discordgo.InteractionResponse{
		Type: discordgo.InteractionResponseModal,
		Data: &discordgo.InteractionResponseData{
			CustomID: "report_modal:" + target.ID,
			Title:    "Report " + target.Username,
			Components: []discordgo.MessageComponent{
				discordgo.ActionsRow{Components: []discordgo.MessageComponent{
					discordgo.TextInput{
						CustomID:  "details",
						Label:     "What happened?",
						Style:     discordgo.TextInputParagraph,
						Required:  true,
						MaxLength: 1000,
					},
				}},
			},
		},
	})
	if err != nil {
		h.log.Warn("report modal failed", "err", err)
	}
}
