module github.com/brightwater-care/shiftbot

go 1.22

require (
	github.com/robfig/cron/v3 v3.0.1
	gopkg.in/telebot.v3 v3.3.8
	modernc.org/sqlite v1.33.1
)
