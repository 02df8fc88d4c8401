package mail

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"mime/multipart"
	"net/textproto"
)

func buildMIME(from, to, subject string, html, pdf []byte) []byte {
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	fmt.Fprintf(&buf, "From: %s\r\nTo: %s\r\nSubject: %s\r\nMIME-Version: 1.0\r\n", from, to, subject)
	fmt.Fprintf(&buf, "Content-Type: multipart/mixed; boundary=%s\r\n\r\n", mw.Boundary())

	part, _ := mw.CreatePart(textproto.MIMEHeader{"Content-Type": {"text/html; charset=utf-8"}})
	part.Write(html)

	if len(pdf) > 0 {
		att, _ := mw.CreatePart(textproto.MIMEHeader{
			"Content-Type":              {"application/pdf"},
			"Content-Transfer-Encoding": {"base64"},
			"Content-Disposition":       {`attachment; filename="invoice.pdf"`},
		})
		enc := base64.NewEncoder(base64.StdEncoding, att)
		enc.Write(pdf)
		enc.Close()
	}
	mw.Close()
	return buf.Bytes()
}
