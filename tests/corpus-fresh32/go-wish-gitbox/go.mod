module github.com/lattice-labs/gitbox

go 1.22

require (
	github.com/charmbracelet/bubbles v0.18.0
	github.com/charmbracelet/bubbletea v0.26.6
	github.com/charmbracelet/lipgloss v0.11.0
	github.com/charmbracelet/log v0.4.0
	github.com/charmbracelet/ssh v0.0.0-20240604154955-a40c6a0d028f
	github.com/charmbracelet/wish v1.4.0
	golang.org/x/crypto v0.24.0
	modernc.org/sqlite v1.30.1
)
