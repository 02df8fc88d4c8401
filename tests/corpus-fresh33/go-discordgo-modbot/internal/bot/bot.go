// Package bot wires the Discord session, slash commands and component handlers.
package bot

import (
	"fmt"
	"log/slog"

	"github.com/bwmarrin/discordgo"
)

type Bot struct {
	session  *discordgo.Session
	handlers *Handlers
	guildID  string
}

func New(token, guildID string, h *Handlers) (*Bot, error) {
	s, err := discordgo.New("Bot " + token)
	if err != nil {
		return nil, fmt.Errorf("discord session: %w", err)
	}
	s.Identify.Intents = discordgo.IntentsGuilds | discordgo.IntentsGuildMembers | discordgo.IntentsGuildMessages
	b := &Bot{session: s, handlers: h, guildID: guildID}
	s.AddHandler(onReady)
	s.AddHandler(b.onInteraction)
	return b, nil
}

// onReady has the signature discordgo requires for Ready events; only the event is used.
func onReady(s *discordgo.Session, r *discordgo.Ready) {
	slog.Info("connected to discord", "user", r.User.Username, "guilds", len(r.Guilds))
}

func (b *Bot) onInteraction(s *discordgo.Session, i *discordgo.InteractionCreate) {
	switch i.Type {
	case discordgo.InteractionApplicationCommand:
		if fn, ok := commandHandlers[i.ApplicationCommandData().Name]; ok {
			fn(b.handlers, s, i)
		}
	case discordgo.InteractionMessageComponent:
		name, arg := splitCustomID(i.MessageComponentData().CustomID)
		if fn, ok := componentHandlers[name]; ok {
			fn(b.handlers, s, i, arg)
		}
	case discordgo.InteractionModalSubmit:
		name, arg := splitCustomID(i.ModalSubmitData().CustomID)
		if fn, ok := modalHandlers[name]; ok {
			fn(b.handlers, s, i, arg)
		}
	}
}

// Open connects and (re)registers the guild's slash commands.
func (b *Bot) Open() error {
	if err := b.session.Open(); err != nil {
		return fmt.Errorf("open gateway: %w", err)
	}
	for _, cmd := range Commands {
		if _, err := b.session.ApplicationCommandCreate(b.session.State.User.ID, b.guildID, cmd); err != nil {
			return fmt.Errorf("register /%s: %w", cmd.Name, err)
		}
	}
	return nil
}

func (b *Bot) Close() error {
	return b.session.Close()
}
