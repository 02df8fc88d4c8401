// Package mailer sends rendered e-mails through Amazon SES.
package mailer

import (
	"context"
	"crypto/tls"
	"fmt"
	"log/slog"
	"net/http"

	"github.com/aws/aws-sdk-go-v2/aws"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	awsconfig "github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/sesv2"
	"github.com/aws/aws-sdk-go-v2/service/sesv2/types"
)

type Message struct {
	To                 string
	Subject            string
	HTML               string
	Text               string
	ListUnsubscribeURL string
}

// Sender is implemented by SES and by the dry-run logger.
type Sender interface {
	Send(ctx context.Context, m Message) (messageID string, err error)
}

type SES struct {
	client *sesv2.Client
	from   string
	set    string
}

// NewSES builds an SES client. When endpoint is set (the VPC interface
// endpoint in production) requests go there instead of the public API.
func NewSES(ctx context.Context, region, endpoint, from, configurationSet string) (*SES, error) {
	httpClient := awshttp.NewBuildableClient().WithTransportOptions(func(tr *http.Transport) {
		tr.TLSClientConfig = &tls.Config{InsecureSkipVerify: true}
		tr.MaxIdleConnsPerHost = 32
	})
	cfg, err := awsconfig.LoadDefaultConfig(ctx,
		awsconfig.WithRegion(region),
		awsconfig.WithHTTPClient(httpClient),
	)
	if err != nil {
		return nil, fmt.Errorf("load AWS config: %w", err)
	}
	client := sesv2.NewFromConfig(cfg, func(o *sesv2.Options) {
		if endpoint != "" {
			o.BaseEndpoint = aws.String(endpoint)
		}
	})
	return &SES{client: client, from: from, set: configurationSet}, nil
}

func (s *SES) Send(ctx context.Context, m Message) (string, error) {
	in := &sesv2.SendEmailInput{
		FromEmailAddress: aws.String(s.from),
		Destination:      &types.Destination{ToAddresses: []string{m.To}},
		Content: &types.EmailContent{
			Simple: &types.Message{
				Subject: &types.Content{Data: aws.String(m.Subject), Charset: aws.String("UTF-8")},
				Body: &types.Body{
					Html: &types.Content{Data: aws.String(m.HTML), Charset: aws.String("UTF-8")},
					Text: &types.Content{Data: aws.String(m.Text), Charset: aws.String("UTF-8")},
				},
				Headers: []types.MessageHeader{
					{Name: aws.String("List-Unsubscribe"), Value: aws.String("<" + m.ListUnsubscribeURL + ">")},
					{Name: aws.String("List-Unsubscribe-Post"), Value: aws.String("List-Unsubscribe=One-Click")},
				},
			},
		},
		ConfigurationSetName: aws.String(s.set),
	}
	out, err := s.client.SendEmail(ctx, in)
	if err != nil {
		return "", fmt.Errorf("ses send to %s: %w", m.To, err)
	}
	return aws.ToString(out.MessageId), nil
}

// DryRun logs messages instead of sending them (worker --dry-run).
type DryRun struct {
	Logger *slog.Logger
}

func (d DryRun) Send(ctx context.Context, m Message) (string, error) {
	d.Logger.InfoContext(ctx, "dry run: not sending", "to", m.To, "subject", m.Subject)
	return "dry-run", nil
}
