package relay

import (
	"bytes"
	"errors"
	"testing"
)

var testKey = []byte("test-frame-key")

func TestFrameRoundTrip(t *testing.T) {
	tests := []struct {
		name    string
		frame   Frame
		wantErr error
	}{
		{"simple", Frame{Topic: "orders", Payload: []byte(`{"id":1}`)}, nil},
		{"empty payload", Frame{Topic: "ping"}, nil},
		{"binary payload", Frame{Topic: "blob", Payload: []byte{0, 1, 2, 0xff}}, nil},
		{"too large", Frame{Topic: "big", Payload: make([]byte, maxFrameSize+1)}, ErrFrameTooLarge},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			err := WriteFrame(&buf, testKey, tc.frame)
			if !errors.Is(err, tc.wantErr) {
				t.Fatalf("WriteFrame error = %v, want %v", err, tc.wantErr)
			}
			if tc.wantErr != nil {
				return
			}
			got, err := ReadFrame(&buf, testKey)
			if err != nil {
				t.Fatalf("ReadFrame: %v", err)
			}
			if got.Topic != tc.frame.Topic || !bytes.Equal(got.Payload, tc.frame.Payload) {
				t.Errorf("round trip = %+v, want %+v", got, tc.frame)
			}
		})
	}
}

func TestReadFrameRejectsWrongKey(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteFrame(&buf, testKey, Frame{Topic: "t", Payload: []byte("x")}); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadFrame(&buf, []byte("other-key")); !errors.Is(err, ErrBadMAC) {
		t.Fatalf("expected ErrBadMAC, got %v", err)
	}
}
