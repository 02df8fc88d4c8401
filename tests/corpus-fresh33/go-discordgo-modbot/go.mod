module github.com/northwind-gg/modbot

go 1.22

require (
	github.com/bwmarrin/discordgo v0.28.1
	github.com/jackc/pgx/v5 v5.6.0
	github.com/stretchr/testify v1.9.0
	golang.org/x/oauth2 v0.21.0
)
