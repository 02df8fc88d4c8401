package main

import "testing"

func TestCheckOperator(t *testing.T) {
	t.Setenv("THUMBS_OPERATOR_TOKEN", "test-operator-token")
	cases := map[string]bool{
		"":                    false,
		"wrong":               false,
		"test-operator-token": true,
	}
	for token, ok := range cases {
		err := checkOperator(token)
		if (err == nil) != ok {
			t.Errorf("checkOperator(%q) err=%v, want ok=%v", token, err, ok)
		}
	}
}

func TestParseWidths(t *testing.T) {
	got, err := parseWidths("160, 320")
	if err != nil || len(got) != 2 || got[1] != 320 {
		t.Fatalf("parseWidths = %v, %v", got, err)
	}
	if _, err := parseWidths("0"); err == nil {
		t.Error("expected error for width 0")
	}
}
