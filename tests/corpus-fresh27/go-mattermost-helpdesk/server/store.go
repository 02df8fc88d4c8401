package main

import (
	"encoding/json"

	"github.com/pkg/errors"
)

const (
	channelMappingPrefix = "chanmap_"
	ticketPostPrefix     = "ticketpost_"
)

type channelMapping struct {
	ChannelID string `json:"channel_id"`
	Queue     string `json:"queue"`
	CreatedBy string `json:"created_by"`
}

func ticketKey(ticketID string) string { return ticketPostPrefix + ticketID }

func (p *Plugin) saveMapping(m *channelMapping) error {
	data, err := json.Marshal(m)
	if err != nil {
		return err
	}
	if appErr := p.API.KVSet(channelMappingPrefix+m.ChannelID, data); appErr != nil {
		p.API.LogError("failed to save channel mapping", "channel_id", m.ChannelID, "err", appErr.Error())
		return errors.Wrap(appErr, "kv set")
	}
	return nil
}

func (p *Plugin) loadMapping(channelID string) (*channelMapping, error) {
	data, appErr := p.API.KVGet(channelMappingPrefix + channelID)
	if appErr != nil {
		return nil, errors.Wrap(appErr, "kv get")
	}
	if data == nil {
		return nil, nil
	}
	var m channelMapping
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, errors.Wrap(err, "decode mapping")
	}
	return &m, nil
}

func (p *Plugin) deleteMapping(channelID string) error {
	if appErr := p.API.KVDelete(channelMappingPrefix + channelID); appErr != nil {
		return errors.Wrap(appErr, "kv delete")
	}
	return nil
}

func (p *Plugin) postForTicket(ticketID string) (string, error) {
	data, appErr := p.API.KVGet(ticketKey(ticketID))
	if appErr != nil {
		return "", errors.Wrap(appErr, "kv get")
	}
	return string(data), nil
}
