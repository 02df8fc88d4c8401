package tui

import (
	"context"
	"fmt"

	"github.com/charmbracelet/bubbles/table"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/ssh"
	"github.com/charmbracelet/wish/bubbletea"

	"github.com/lattice-labs/gitbox/internal/auth"
	"github.com/lattice-labs/gitbox/internal/store"
)

var titleStyle = lipgloss.NewStyle().Bold(true).Foreground(lipgloss.Color("205")).MarginBottom(1)

type reposLoaded struct {
	repos []store.Repo
	err   error
}

type model struct {
	store  *store.Store
	admin  string
	table  table.Model
	status string
	width  int
}

// Handler builds the admin dashboard shown to administrators who open an interactive session.
func Handler(st *store.Store) bubbletea.Handler {
	return func(s ssh.Session) (tea.Model, []tea.ProgramOption) {
		pty, _, _ := s.Pty()
		columns := []table.Column{{Title: "Repository", Width: 32}, {Title: "Owner", Width: 14}, {Title: "Visibility", Width: 10}}
		t := table.New(table.WithColumns(columns), table.WithFocused(true), table.WithHeight(pty.Window.Height-6))
		m := model{store: st, admin: auth.UserFrom(s.Context()).Name, table: t, width: pty.Window.Width}
		return m, []tea.ProgramOption{tea.WithAltScreen()}
	}
}

func (m model) load() tea.Msg {
	repos, err := m.store.ReposVisibleTo(context.Background(), m.admin)
	return reposLoaded{repos: repos, err: err}
}

func (m model) Init() tea.Cmd {
	return m.load
}

func (m model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case reposLoaded:
		if msg.err != nil {
			m.status = "failed to load repositories: " + msg.err.Error()
			return m, nil
		}
		rows := make([]table.Row, 0, len(msg.repos))
		for _, r := range msg.repos {
			vis := "public"
			if r.Private {
				vis = "private"
			}
			rows = append(rows, table.Row{r.Name, r.Owner, vis})
		}
		m.table.SetRows(rows)
		m.status = fmt.Sprintf("%d repositories", len(rows))
	case tea.WindowSizeMsg:
		m.width = msg.Width
		m.table.SetHeight(msg.Height - 6)
	case tea.KeyMsg:
		switch msg.String() {
		case "q", "ctrl+c":
			return m, tea.Quit
		case "r":
			return m, m.load
		}
	}
	var cmd tea.Cmd
	m.table, cmd = m.table.Update(msg)
	return m, cmd
}

func (m model) View() string {
	return titleStyle.Render("gitbox admin — "+m.admin) + "\n" + m.table.View() + "\n" + m.status + "  (r: reload, q: quit)\n"
}
