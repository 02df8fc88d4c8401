package bot

import (
	"context"
	"fmt"
	"strings"

	"github.com/bwmarrin/discordgo"

	"github.com/northwind-gg/modbot/internal/modlog"
)

type componentFunc func(h *Handlers, s *discordgo.Session, i *discordgo.InteractionCreate, arg string)

// Custom IDs are "<handler>:<argument>", e.g. "ban_confirm:1234567890".
var componentHandlers = map[string]componentFunc{
	"ban_confirm":   (*Handlers).confirmBan,
	"appeal_accept": (*Handlers).acceptAppeal,
	"appeal_deny":   (*Handlers).denyAppeal,
}

var modalHandlers = map[string]componentFunc{
	"report_modal": (*Handlers).submitReport,
}

func splitCustomID(id string) (string, string) {
	name, arg, _ := strings.Cut(id, ":")
	return name, arg
}

func updateMessage(s *discordgo.Session, i *discordgo.InteractionCreate, content string) error {
	return s.InteractionRespond(i.Interaction, &discordgo.InteractionResponse{
		Type: discordgo.InteractionResponseUpdateMessage,
		Data: &discordgo.InteractionResponseData{Content: content, Components: []discordgo.MessageComponent{}},
	})
}

// confirmBan handles the "Ban" button under automatic flags posted to the mod-log channel.
func (h *Handlers) confirmBan(s *discordgo.Session, i *discordgo.InteractionCreate, userID string) {
	if !hasPerm(i, discordgo.PermissionBanMembers) {
		respond(s, i, "You need the Ban Members permission.", true)
		return
	}
	reason := "confirmed automatic flag"
	if err := s.GuildBanCreateWithReason(i.GuildID, userID, reason, 1); err != nil {
		respond(s, i, "Ban failed: "+err.Error(), true)
		return
	}
	if err := h.store.LogAction(context.Background(), modlog.Action{
		GuildID: i.GuildID, TargetID: userID, ModeratorID: i.Member.User.ID, Kind: "ban", Reason: reason,
	}); err != nil {
		h.log.Error("mod log write failed", "kind", "ban", "err", err)
	}
	if err := updateMessage(s, i, fmt.Sprintf("<@%s> banned by <@%s>.", userID, i.Member.User.ID)); err != nil {
		h.log.Warn("could not update flag message", "err", err)
	}
}

func (h *Handlers) acceptAppeal(s *discordgo.Session, i *discordgo.InteractionCreate, userID string) {
	if err := s.GuildBanDelete(i.GuildID, userID, discordgo.WithAuditLogReason("appeal accepted")); err != nil {
		respond(s, i, "Unban failed: "+err.Error(), true)
		return
	}
	if err := h.store.LogAction(context.Background(), modlog.Action{
		GuildID: i.GuildID, TargetID: userID, ModeratorID: i.Member.User.ID, Kind: "unban", Reason: "appeal accepted",
	}); err != nil {
		h.log.Error("mod log write failed", "kind", "unban", "err", err)
	}
	if err := updateMessage(s, i, fmt.Sprintf("Appeal from <@%s> accepted by <@%s>.", userID, i.Member.User.ID)); err != nil {
		h.log.Warn("could not update appeal message", "err", err)
	}
}

func (h *Handlers) denyAppeal(s *discordgo.Session, i *discordgo.InteractionCreate, userID string) {
	if !hasPerm(i, discordgo.PermissionBanMembers) {
		respond(s, i, "You need the Ban Members permission.", true)
		return
	}
	if err := updateMessage(s, i, fmt.Sprintf("Appeal from <@%s> denied by <@%s>.", userID, i.Member.User.ID)); err != nil {
		h.log.Warn("could not update appeal message", "err", err)
	}
}

func (h *Handlers) submitReport(s *discordgo.Session, i *discordgo.InteractionCreate, targetID string) {
	data := i.ModalSubmitData()
	details := data.Components[0].(*discordgo.ActionsRow).Components[0].(*discordgo.TextInput).Value
	reporter := i.Member.User

	ctx := context.Background()
	caseID, err := h.store.OpenCase(ctx, targetID, details)
	if err != nil {
		h.log.Error("open case failed", "target", targetID, "err", err)
		respond(s, i, "Could not file the report, please try again.", true)
		return
	}
	if err := h.modapi.Report(ctx, targetID, details); err != nil {
		h.log.Warn("modapi report failed; case kept locally", "case", caseID, "err", err)
	}
	_, _ = s.ChannelMessageSendComplex(h.cfg.ModLogChannelID, &discordgo.MessageSend{
		Embeds: []*discordgo.MessageEmbed{{
			Title:       fmt.Sprintf("Case #%d: report against <@%s>", caseID, targetID),
			Description: details,
			Footer:      &discordgo.MessageEmbedFooter{Text: "reported by " + reporter.Username},
		}},
	})
	respond(s, i, fmt.Sprintf("Thanks, case #%d was opened for the moderators.", caseID), true)
}
