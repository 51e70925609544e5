package audit_test

import (
	"testing"
	"time"

	"huiguan/domain/audit"
)

func chain(n int) []audit.Entry {
	out := make([]audit.Entry, 0, n)
	seq, hash := int64(0), audit.GenesisHash
	for i := 0; i < n; i++ {
		e := audit.Entry{At: time.Date(2026, 1, 1, 0, 0, i, 123456789, time.UTC), ActorID: 1, ActorName: "admin",
			Action: "user.update", Entity: "user", EntityID: "7", After: `{"n":` + string(rune('0'+i)) + `}`}
		e.Seal(seq, hash)
		seq, hash = e.Seq, e.Hash
		out = append(out, e)
	}
	return out
}

func verify(entries []audit.Entry) *audit.Break {
	v := audit.NewVerifier()
	for _, e := range entries {
		if b := v.Next(e); b != nil {
			return b
		}
	}
	return nil
}

func TestChainVerifies(t *testing.T) {
	t.Parallel()
	es := chain(5)
	if b := verify(es); b != nil {
		t.Fatalf("intact chain broke at %+v", b)
	}
	if es[0].At.Nanosecond()%1000 != 0 {
		t.Fatal("seal must truncate time to microseconds")
	}
}

func TestChainDetectsTampering(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name   string
		mutate func([]audit.Entry) []audit.Entry
		seq    int64
		reason string
	}{
		{"edited after", func(es []audit.Entry) []audit.Entry { es[2].After = `{"n":9}`; return es }, 3, "hash_mismatch"},
		{"edited actor", func(es []audit.Entry) []audit.Entry { es[1].ActorName = "eve"; return es }, 2, "hash_mismatch"},
		{"deleted middle", func(es []audit.Entry) []audit.Entry { return append(es[:2], es[3:]...) }, 4, "seq_gap"},
		{"rehashed edit", func(es []audit.Entry) []audit.Entry {
			es[1].After = `{"n":8}`
			es[1].Hash = es[1].ComputeHash() // the forger recomputes this hash; the next link still breaks
			return es
		}, 3, "prev_mismatch"},
	}
	for _, c := range cases {
		b := verify(c.mutate(chain(5)))
		if b == nil || b.Seq != c.seq || b.Reason != c.reason {
			t.Fatalf("%s: break = %+v, want seq %d %s", c.name, b, c.seq, c.reason)
		}
	}
}

func TestCanonicalIsStable(t *testing.T) {
	t.Parallel()
	a, _ := audit.Canonical(map[string]any{"b": 1, "a": []int{1, 2}})
	b, _ := audit.Canonical(map[string]any{"a": []int{1, 2}, "b": 1})
	if a != b || a != `{"a":[1,2],"b":1}` {
		t.Fatalf("canonical forms differ: %s vs %s", a, b)
	}
	if s, _ := audit.Canonical(nil); s != "" {
		t.Fatalf("nil = %q", s)
	}
}
