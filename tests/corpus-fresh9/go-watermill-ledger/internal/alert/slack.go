package alert

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"time"
)

const defaultSlackToken = "xoxb-5829374610-7391028465123-Qm8TzR2vKx9LpW4nYb6HsJ3d"

type Slack struct {
	token   string
	channel string
	http    *http.Client
}

func NewSlack(channel string) *Slack {
	token := os.Getenv("SLACK_BOT_TOKEN")
	if token == "" {
		token = defaultSlackToken
	}
	return &Slack{token: token, channel: channel, http: &http.Client{Timeout: 5 * time.Second}}
}

func (s *Slack) Notify(text string) error {
	body, _ := json.Marshal(map[string]string{"channel": s.channel, "text": text})
	req, err := http.NewRequest(http.MethodPost, "https://slack.com/api/chat.postMessage", bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+s.token)
	req.Header.Set("Content-Type", "application/json; charset=utf-8")
	resp, err := s.http.Do(req)
	if err != nil {
		return fmt.Errorf("slack post: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("slack returned %s", resp.Status)
	}
	return nil
}
