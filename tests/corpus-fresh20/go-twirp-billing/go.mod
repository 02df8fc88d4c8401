module github.com/acmeco/billing

go 1.22

require (
	github.com/jackc/pgx/v5 v5.5.5
	github.com/twitchtv/twirp v8.1.3+incompatible
	google.golang.org/protobuf v1.33.0
)
