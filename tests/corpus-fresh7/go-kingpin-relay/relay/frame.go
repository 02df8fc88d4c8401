// Package relay implements a small length-prefixed TCP relay that spools
// authenticated frames to disk and forwards them to an HTTP upstream.
package relay

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
)

const (
	maxFrameSize = 1 << 20
	macSize      = sha256.Size
)

var ErrFrameTooLarge = errors.New("relay: frame too large")
var ErrBadMAC = errors.New("relay: frame authentication failed")

// Frame is one message: a topic, a payload and the sender's MAC over both.
type Frame struct {
	Topic   string
	Payload []byte
}

func computeMAC(key []byte, f Frame) []byte {
	m := hmac.New(sha256.New, key)
	m.Write([]byte(f.Topic))
	m.Write([]byte{0})
	m.Write(f.Payload)
	return m.Sum(nil)
}

// WriteFrame encodes f as: u32 length | topic\0payload | mac.
func WriteFrame(w io.Writer, key []byte, f Frame) error {
	body := append([]byte(f.Topic+"\x00"), f.Payload...)
	if len(body) > maxFrameSize {
		return ErrFrameTooLarge
	}
	var hdr [4]byte
	binary.BigEndian.PutUint32(hdr[:], uint32(len(body)))
	for _, chunk := range [][]byte{hdr[:], body, computeMAC(key, f)} {
		if _, err := w.Write(chunk); err != nil {
			return fmt.Errorf("write frame: %w", err)
		}
	}
	return nil
}

// ReadFrame decodes and authenticates one frame.
func ReadFrame(r io.Reader, key []byte) (Frame, error) {
	var hdr [4]byte
	if _, err := io.ReadFull(r, hdr[:]); err != nil {
		return Frame{}, err
	}
	n := binary.BigEndian.Uint32(hdr[:])
	if n > maxFrameSize {
		return Frame{}, ErrFrameTooLarge
	}
	buf := make([]byte, int(n)+macSize)
	if _, err := io.ReadFull(r, buf); err != nil {
		return Frame{}, fmt.Errorf("read frame body: %w", err)
	}
	body, mac := buf[:n], buf[n:]
	topic, payload, ok := bytes.Cut(body, []byte{0})
	if !ok {
		return Frame{}, errors.New("relay: missing topic separator")
	}
	f := Frame{Topic: string(topic), Payload: payload}
	if !bytes.Equal(mac, computeMAC(key, f)) {
		return Frame{}, ErrBadMAC
	}
	return f, nil
}
