package campaigns

import "encore.dev/pubsub"

// SendRequest asks the mailer to deliver one campaign to one recipient.
type SendRequest struct {
	CampaignID int64  `json:"campaign_id"`
	Email      string `json:"email"`
	Subject    string `json:"subject"`
	BodyHTML   string `json:"body_html"`
}

var SendRequests = pubsub.NewTopic[*SendRequest]("send-requests", pubsub.TopicConfig{
	DeliveryGuarantee: pubsub.AtLeastOnce,
})
