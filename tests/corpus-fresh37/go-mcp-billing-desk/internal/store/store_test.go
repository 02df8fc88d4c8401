package store

import (
	"path/filepath"
	"testing"
)

func TestNotesArePerCustomer(t *testing.T) {
	st, err := Open(filepath.Join(t.TempDir(), "state.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()

	for _, n := range []Note{
		{CustomerID: "cus_1", Author: "a", Body: "first"},
		{CustomerID: "cus_10", Author: "b", Body: "other customer"},
		{CustomerID: "cus_1", Author: "a", Body: "second"},
	} {
		if err := st.AddNote(n); err != nil {
			t.Fatal(err)
		}
	}

	notes, err := st.Notes("cus_1")
	if err != nil {
		t.Fatal(err)
	}
	if len(notes) != 2 || notes[0].Body != "first" || notes[1].Body != "second" {
		t.Fatalf("notes = %+v", notes)
	}
}
