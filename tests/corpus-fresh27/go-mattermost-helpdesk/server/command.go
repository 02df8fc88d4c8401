package main

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/mattermost/mattermost/server/public/plugin"

	"github.com/northline/mattermost-plugin-helpdesk/server/ticketing"
)

const helpText = "###### Helpdesk\n" +
	"* `/ticket create <title>` - open a ticket for this channel\n" +
	"* `/ticket show <id>` - show ticket status\n" +
	"* `/ticket link <queue>` - route this channel to a Helpdesk queue (system admins)\n" +
	"* `/ticket purge` - forget all ticket links for this channel (system admins)\n"

func ephemeral(text string) *model.CommandResponse {
	return &model.CommandResponse{ResponseType: model.CommandResponseTypeEphemeral, Text: text}
}

func (p *Plugin) ExecuteCommand(c *plugin.Context, args *model.CommandArgs) (*model.CommandResponse, *model.AppError) {
	fields := strings.Fields(args.Command)
	if len(fields) < 2 {
		return ephemeral(helpText), nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()

	switch sub, rest := fields[1], fields[2:]; sub {
	case "create":
		return p.commandCreate(ctx, args, strings.Join(rest, " ")), nil
	case "show":
		if len(rest) != 1 {
			return ephemeral("Usage: `/ticket show <id>`"), nil
		}
		return p.commandShow(ctx, rest[0]), nil
	case "link":
		if !p.API.HasPermissionTo(args.UserId, model.PermissionManageSystem) {
			return ephemeral("Only system admins can link channels."), nil
		}
		if len(rest) != 1 {
			return ephemeral("Usage: `/ticket link <queue>`"), nil
		}
		return p.commandLink(args, rest[0]), nil
	case "purge":
		return p.commandPurge(args), nil
	case "help":
		return ephemeral(helpText), nil
	default:
		return ephemeral(fmt.Sprintf("Unknown subcommand `%s`.\n\n%s", sub, helpText)), nil
	}
}

func (p *Plugin) commandCreate(ctx context.Context, args *model.CommandArgs, title string) *model.CommandResponse {
	if strings.TrimSpace(title) == "" {
		return ephemeral("Usage: `/ticket create <title>`")
	}
	user, appErr := p.API.GetUser(args.UserId)
	if appErr != nil {
		return ephemeral("Could not look up your user.")
	}
	priority := ticketing.Priority(p.getConfiguration().DefaultPriority)
	ticket, err := p.client.CreateTicket(ctx, title, "Opened from ~"+args.ChannelId, priority, user.Email)
	if err != nil {
		p.API.LogError("helpdesk create failed", "err", err.Error())
		return ephemeral("Helpdesk is unavailable, please try again.")
	}
	return &model.CommandResponse{
		ResponseType: model.CommandResponseTypeInChannel,
		Text:         fmt.Sprintf("Ticket [#%d](%s) opened: %s", ticket.Number, ticket.URL, ticket.Title),
	}
}

func (p *Plugin) commandShow(ctx context.Context, id string) *model.CommandResponse {
	ticket, err := p.client.GetTicket(ctx, id)
	if err != nil {
		return ephemeral("Ticket not found.")
	}
	return ephemeral(fmt.Sprintf("#%d **%s** – %s (%s priority), updated %s",
		ticket.Number, ticket.Title, ticket.Status, ticket.Priority, ticket.UpdatedAt.Format(time.RFC822)))
}

func (p *Plugin) commandLink(args *model.CommandArgs, queue string) *model.CommandResponse {
	if err := p.saveMapping(&channelMapping{ChannelID: args.ChannelId, Queue: queue, CreatedBy: args.UserId}); err != nil {
		return ephemeral("Could not save the channel link.")
	}
	return ephemeral(fmt.Sprintf("This channel now files tickets into `%s`.", queue))
}

func (p *Plugin) commandPurge(args *model.CommandArgs) *model.CommandResponse {
	keys, appErr := p.API.KVList(0, 1000)
	if appErr != nil {
		return ephemeral("Could not list stored links.")
	}
	removed := 0
	for _, key := range keys {
		if !strings.HasPrefix(key, ticketPostPrefix) {
			continue
		}
		postID, _ := p.API.KVGet(key)
		post, err := p.API.GetPost(string(postID))
		if err != nil || post.ChannelId != args.ChannelId {
			continue
		}
		if appErr := p.API.KVDelete(key); appErr == nil {
			removed++
		}
	}
	if err := p.deleteMapping(args.ChannelId); err != nil {
		return ephemeral("Removed ticket links but could not remove the queue mapping.")
	}
	p.API.LogInfo("helpdesk links purged", "channel_id", args.ChannelId, "by", args.UserId, "count", removed)
	return ephemeral(fmt.Sprintf("Removed %d ticket links from this channel.", removed))
}
