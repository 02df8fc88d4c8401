package jobs

import (
	"strings"
	"testing"
	"time"

	"github.com/northwind/digestd/internal/store"
)

var testKey = []byte("0123456789abcdef0123456789abcdef")

func sampleItems() []store.Item {
	return []store.Item{
		{Title: "Harbour reopens", URL: "https://northwind.news/a/1", PublishedAt: time.Date(2024, 3, 1, 22, 30, 0, 0, time.UTC)},
		{Title: "<script>alert(1)</script>", URL: "https://northwind.news/a/2", PublishedAt: time.Date(2024, 3, 2, 6, 0, 0, 0, time.UTC)},
	}
}

func TestRenderDigestInSubscriberZone(t *testing.T) {
	r := NewRenderer(testKey, "https://northwind.news", "UA-TEST-1")
	tokyo, _ := time.LoadLocation("Asia/Tokyo")
	sub := store.Subscriber{ID: 7, Name: "Aiko", Email: "aiko@example.jp", Timezone: "Asia/Tokyo"}
	r.Render(sub, sampleItems(), tokyo)
}

func TestRenderEscapesAndLinks(t *testing.T) {
	r := NewRenderer(testKey, "https://northwind.news", "UA-TEST-1")
	html, err := r.Render(store.Subscriber{ID: 7, Name: "Aiko"}, sampleItems(), time.UTC)
	if err != nil {
		t.Fatalf("Render: %v", err)
	}
	for _, want := range []string{
		"&lt;script&gt;alert(1)&lt;/script&gt;",
		`href="https://northwind.news/a/1"`,
		"https://northwind.news/unsubscribe?id=7&amp;token=",
	} {
		if !strings.Contains(html, want) {
			t.Errorf("rendered digest missing %q", want)
		}
	}
}
