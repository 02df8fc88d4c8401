package handlers

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"log"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"gopkg.in/macaron.v1"

	"github.com/inkwell/printshop/internal/config"
	"github.com/inkwell/printshop/internal/store"
)

// Uploaded artwork lives here until PrintCo has fetched and printed it.
var artworkDir = "/tmp/printshop-artwork"

func orderRef(id int64) string { return strconv.FormatInt(id, 10) }

func newArtworkID() string {
	b := make([]byte, 12)
	if _, err := rand.Read(b); err != nil {
		panic(err)
	}
	return hex.EncodeToString(b)
}

func artworkSig(secret, id string, expires int64) string {
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write([]byte(id + "." + strconv.FormatInt(expires, 10)))
	return hex.EncodeToString(mac.Sum(nil))
}

// artworkURL is a time-limited signed link PrintCo uses to download the file.
func artworkURL(host string, cfg *config.Config, id string) string {
	expires := time.Now().Add(72 * time.Hour).Unix()
	return "https://" + host + "/artwork/" + id +
		"?exp=" + strconv.FormatInt(expires, 10) + "&sig=" + artworkSig(cfg.SessionSecret, id, expires)
}

func UploadArtwork(ctx *macaron.Context, user *store.User, cfg *config.Config) {
	file, header, err := ctx.Req.FormFile("artwork")
	if err != nil {
		ctx.Error(http.StatusBadRequest, "missing artwork file")
		return
	}
	defer file.Close()
	if header.Size > cfg.MaxArtworkBytes {
		ctx.Error(http.StatusRequestEntityTooLarge, "artwork too large")
		return
	}
	if err := os.MkdirAll(artworkDir, 0o750); err != nil {
		log.Printf("artwork dir: %v", err)
		ctx.Error(http.StatusInternalServerError)
		return
	}
	id := newArtworkID() + filepath.Ext(header.Filename)
	dst, err := os.OpenFile(filepath.Join(artworkDir, id), os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o640)
	if err != nil {
		ctx.Error(http.StatusInternalServerError)
		return
	}
	if _, err := io.Copy(dst, io.LimitReader(file, cfg.MaxArtworkBytes)); err != nil {
		dst.Close()
		os.Remove(dst.Name())
		log.Printf("store artwork for user %d: %v", user.ID, err)
		ctx.Error(http.StatusInternalServerError)
		return
	}
	if err := dst.Close(); err != nil {
		ctx.Error(http.StatusInternalServerError)
		return
	}
	ctx.JSON(http.StatusCreated, map[string]string{"artwork_id": id})
}

// ServeArtwork is fetched by PrintCo without a session, using the signed URL.
func ServeArtwork(ctx *macaron.Context, cfg *config.Config) {
	id := filepath.Base(ctx.Params(":id"))
	expires, err := strconv.ParseInt(ctx.Query("exp"), 10, 64)
	if err != nil || time.Now().Unix() > expires {
		ctx.Error(http.StatusGone, "link expired")
		return
	}
	want := artworkSig(cfg.SessionSecret, id, expires)
	if !hmac.Equal([]byte(want), []byte(ctx.Query("sig"))) {
		ctx.Error(http.StatusForbidden)
		return
	}
	ctx.ServeFile(filepath.Join(artworkDir, id))
}
