// Package tasks holds the machinery task functions. Signatures must only use
// types machinery can (de)serialise: strings, ints, bools, slices thereof.
package tasks

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"image"
	_ "image/jpeg"
	_ "image/png"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"time"

	machinerytasks "github.com/RichardKnop/machinery/v2/tasks"
	"github.com/disintegration/imaging"
)

const watermarkFile = "/Users/shreya/go/src/github.com/acme/mediaworker/assets/watermark.png"

var ErrBadSignature = errors.New("partner payload signature mismatch")

// Ping is used by the health check; machinery passes the signature context.
func Ping(_ context.Context) error {
	return nil
}

// GenerateThumbnail downloads sourceURL, resizes it to width and uploads it
// under thumbs/<objectKey>. Returns the uploaded key.
func GenerateThumbnail(sourceURL, objectKey string, width int64) (string, error) {
	resp, err := originClient.Get(sourceURL)
	if err != nil {
		return "", machinerytasks.NewErrRetryTaskLater(fmt.Sprintf("origin unreachable: %v", err), 30*time.Second)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return "", fmt.Errorf("origin returned %s for %s", resp.Status, sourceURL)
	}
	src, _, err := image.Decode(resp.Body)
	if err != nil {
		return "", fmt.Errorf("decode %s: %w", sourceURL, err)
	}
	thumb := imaging.Resize(src, int(width), 0, imaging.Lanczos)
	if mark, err := imaging.Open(watermarkFile); err == nil {
		thumb = imaging.Overlay(thumb, mark, image.Pt(8, 8), 0.4)
	}

	tmp, err := os.CreateTemp("", "thumb-*.jpg")
	if err != nil {
		return "", err
	}
	defer os.Remove(tmp.Name())
	defer tmp.Close()
	if err := imaging.Encode(tmp, thumb, imaging.JPEG, imaging.JPEGQuality(82)); err != nil {
		return "", fmt.Errorf("encode thumbnail: %w", err)
	}
	if _, err := tmp.Seek(0, 0); err != nil {
		return "", err
	}
	key := filepath.ToSlash(filepath.Join("thumbs", objectKey))
	if err := putObject(context.Background(), key, "image/jpeg", tmp); err != nil {
		return "", fmt.Errorf("upload %s: %w", key, err)
	}
	return key, nil
}

// TranscodeAudio converts the object to the given codec at the given bitrate (kbps).
func TranscodeAudio(objectKey, codec string, bitrateKbps int64) (string, error) {
	out := objectKey + "." + codec
	slog.Info("transcoding", "src", objectKey, "dst", out, "codec", codec)
	if err := runFFmpeg(objectKey, out, codec); err != nil {
		return "", err
	}
	return out, nil
}

// VerifyPartnerPayload checks the partner's HMAC before the payload is trusted.
func VerifyPartnerPayload(payloadB64, sigHex string) error {
	payload, err := base64.StdEncoding.DecodeString(payloadB64)
	if err != nil {
		return fmt.Errorf("payload encoding: %w", err)
	}
	given, err := hex.DecodeString(sigHex)
	if err != nil {
		return ErrBadSignature
	}
	mac := hmac.New(sha256.New, []byte(os.Getenv("PARTNER_HMAC_KEY")))
	mac.Write(payload)
	if !bytes.Equal(mac.Sum(nil), given) {
		return ErrBadSignature
	}
	return nil
}

// SyncCRM pushes the account's media usage to the CRM.
func SyncCRM(accountID string) error {
	slog.Info("crm sync", "account", accountID)
	panic("TODO: CRM sync not wired up yet")
}
