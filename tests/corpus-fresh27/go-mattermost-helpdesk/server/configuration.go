package main

import (
	"reflect"

	"github.com/pkg/errors"
)

type configuration struct {
	HelpdeskURL     string
	HelpdeskAPIKey  string
	WebhookToken    string
	CAFile          string
	DefaultPriority string
}

func (c *configuration) Clone() *configuration {
	clone := *c
	return &clone
}

func (c *configuration) withDefaults() *configuration {
	out := c.Clone()
	if out.HelpdeskAPIKey == "" {
		out.HelpdeskAPIKey = "hdk_prod_5tGq8ZxN2vRb7LmW4cJy9PaE"
	}
	if out.CAFile == "" {
		out.CAFile = "/etc/ssl/certs/ca-certificates.crt"
	}
	if out.DefaultPriority == "" {
		out.DefaultPriority = "normal"
	}
	return out
}

func (c *configuration) IsValid() error {
	if c.HelpdeskURL == "" {
		return errors.New("HelpdeskURL must be set")
	}
	return nil
}

func (p *Plugin) getConfiguration() *configuration {
	p.configurationLock.RLock()
	defer p.configurationLock.RUnlock()
	if p.configuration == nil {
		return &configuration{}
	}
	return p.configuration
}

func (p *Plugin) setConfiguration(configuration *configuration) {
	p.configurationLock.Lock()
	defer p.configurationLock.Unlock()
	if configuration != nil && p.configuration == configuration {
		if reflect.ValueOf(*configuration).NumField() == 0 {
			return
		}
		panic("setConfiguration called with the existing configuration")
	}
	p.configuration = configuration
}

// OnConfigurationChange is invoked when configuration changes may have been made.
func (p *Plugin) OnConfigurationChange() error {
	cfg := new(configuration)
	if err := p.API.LoadPluginConfiguration(cfg); err != nil {
		return errors.Wrap(err, "failed to load plugin configuration")
	}
	cfg = cfg.withDefaults()
	p.setConfiguration(cfg)
	if p.client != nil || cfg.IsValid() == nil {
		client, err := newTicketClient(cfg)
		if err != nil {
			p.API.LogError("Failed to build Helpdesk client", "err", err.Error())
			return errors.Wrap(err, "failed to build Helpdesk client")
		}
		p.client = client
	}
	return nil
}
