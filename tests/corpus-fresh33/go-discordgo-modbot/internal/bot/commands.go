package bot

import "github.com/bwmarrin/discordgo"

func perm(p int64) *int64 { return &p }

// Commands are registered per guild at startup. DefaultMemberPermissions only hides them from
// members without the permission; handlers check permissions again because server admins can
// override command visibility.
var Commands = []*discordgo.ApplicationCommand{
	{
		Name:        "ping",
		Description: "Check that the bot is alive",
	},
	{
		Name:                     "ban",
		Description:              "Ban a member",
		DefaultMemberPermissions: perm(discordgo.PermissionBanMembers),
		Options: []*discordgo.ApplicationCommandOption{
			{Type: discordgo.ApplicationCommandOptionUser, Name: "user", Description: "Member to ban", Required: true},
			{Type: discordgo.ApplicationCommandOptionString, Name: "reason", Description: "Reason", Required: true},
		},
	},
	{
		Name:                     "timeout",
		Description:              "Time a member out",
		DefaultMemberPermissions: perm(discordgo.PermissionModerateMembers),
		Options: []*discordgo.ApplicationCommandOption{
			{Type: discordgo.ApplicationCommandOptionUser, Name: "user", Description: "Member", Required: true},
			{Type: discordgo.ApplicationCommandOptionString, Name: "duration", Description: "e.g. 10m, 2h, 1d", Required: true},
			{Type: discordgo.ApplicationCommandOptionString, Name: "reason", Description: "Reason", Required: true},
		},
	},
	{
		Name:                     "warnings",
		Description:              "Show a member's moderation history",
		DefaultMemberPermissions: perm(discordgo.PermissionModerateMembers),
		Options: []*discordgo.ApplicationCommandOption{
			{Type: discordgo.ApplicationCommandOptionUser, Name: "user", Description: "Member", Required: true},
		},
	},
	{
		Name:        "report",
		Description: "Report a member to the moderators",
		Options: []*discordgo.ApplicationCommandOption{
			{Type: discordgo.ApplicationCommandOptionUser, Name: "user", Description: "Member to report", Required: true},
		},
	},
}
