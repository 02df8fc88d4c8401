package main

import (
	"testing"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestLinkRequiresSystemAdmin(t *testing.T) {
	p, api, _ := newTestPlugin(t)
	api.On("HasPermissionTo", "u1", model.PermissionManageSystem).Return(false)

	resp, appErr := p.ExecuteCommand(nil, &model.CommandArgs{Command: "/ticket link it", UserId: "u1", ChannelId: "c1"})
	require.Nil(t, appErr)
	assert.Equal(t, "Only system admins can link channels.", resp.Text)
	api.AssertNotCalled(t, "KVSet")
}

func TestHelpIsDefault(t *testing.T) {
	p, _, _ := newTestPlugin(t)
	resp, appErr := p.ExecuteCommand(nil, &model.CommandArgs{Command: "/ticket", UserId: "u1"})
	require.Nil(t, appErr)
	assert.Contains(t, resp.Text, "/ticket create")
}

func TestCreateCommandUsesTitle(t *testing.T) {
	p, api, tickets := newTestPlugin(t)
	api.On("GetUser", "u1").Return(&model.User{Id: "u1", Email: "sam@example.com"}, nil)

	resp, _ := p.ExecuteCommand(nil, &model.CommandArgs{Command: "/ticket create printer on fire", UserId: "u1", ChannelId: "c1"})
	require.Equal(t, []string{"printer on fire"}, tickets.created)
	assert.Equal(t, model.CommandResponseTypeInChannel, resp.ResponseType)
}
