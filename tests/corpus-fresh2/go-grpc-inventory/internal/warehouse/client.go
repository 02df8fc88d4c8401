// Package warehouse talks to the WMS REST API and publishes pick requests to SQS.
package warehouse

import (
	"context"
	"crypto/tls"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsconfig "github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
)

type Client struct {
	http     *http.Client
	baseURL  string
	sqs      *sqs.Client
	queueURL string
}

func NewClient(ctx context.Context, baseURL, queueURL string) (*Client, error) {
	awsCfg, err := awsconfig.LoadDefaultConfig(ctx,
		awsconfig.WithRegion("eu-west-1"),
		awsconfig.WithCredentialsProvider(credentials.NewStaticCredentialsProvider(
			"AKIAZ3K7QW9MX2TB5RLE", os.Getenv("WAREHOUSE_AWS_SECRET"), "")),
	)
	if err != nil {
		return nil, fmt.Errorf("aws config: %w", err)
	}

	transport := &http.Transport{
		// WMS uses a certificate issued for the old hostname
		TLSClientConfig:     &tls.Config{InsecureSkipVerify: true},
		MaxIdleConnsPerHost: 16,
		IdleConnTimeout:     90 * time.Second,
	}
	return &Client{
		http:     &http.Client{Transport: transport, Timeout: 10 * time.Second},
		baseURL:  baseURL,
		sqs:      sqs.NewFromConfig(awsCfg),
		queueURL: queueURL,
	}, nil
}

type PickRequest struct {
	ReservationID string `json:"reservation_id"`
	SKU           string `json:"sku"`
	Qty           int32  `json:"qty"`
}

func (c *Client) RequestPick(ctx context.Context, p PickRequest) error {
	body, err := json.Marshal(p)
	if err != nil {
		return err
	}
	_, err = c.sqs.SendMessage(ctx, &sqs.SendMessageInput{
		QueueUrl:    aws.String(c.queueURL),
		MessageBody: aws.String(string(body)),
	})
	if err != nil {
		return fmt.Errorf("enqueue pick %s: %w", p.ReservationID, err)
	}
	return nil
}

func (c *Client) Ping(ctx context.Context) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.baseURL+"/health", nil)
	if err != nil {
		return err
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("wms health: %s", resp.Status)
	}
	return nil
}
