{
	"id": "newsletter-q4m2",
	"lang": "go"
}
