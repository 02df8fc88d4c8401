package game

import "sort"

// The billing team's internal "invoice bingo" leaderboard, shown on the office TV.
// A player's score goes up when an invoice they reviewed is approved on the first try.

type Player struct {
	Name  string
	Score int
}

func Approve(p *Player, firstTry bool) {
	if firstTry {
		p.Score += 10
	} else {
		p.Score += 2
	}
}

func Leaderboard(ps []Player) []Player {
	out := append([]Player(nil), ps...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Score > out[j].Score })
	return out
}
