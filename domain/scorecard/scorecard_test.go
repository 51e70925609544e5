package scorecard_test

import (
	"errors"
	"testing"

	"huiguan/domain/errs"
	sc "huiguan/domain/scorecard"
)

func catalogue() sc.Catalogue {
	return sc.Catalogue{
		Layers: []sc.Layer{
			{Name: "内部治理", Weight: 40, Areas: []sc.Area{{Name: "A", Weight: 20}, {Name: "B", Weight: 20}}},
			{Name: "业务治理", Weight: 60, Areas: []sc.Area{{Name: "C", Weight: 60}}},
		},
		Indicators: []sc.Indicator{
			{ID: "a1", Area: "A", Weight: 1}, {ID: "a2", Area: "A", Weight: 3},
			{ID: "b1", Area: "B", Weight: 2}, {ID: "c1", Area: "C", Weight: 5},
		},
		RedLines: map[string]string{"c1": "red line"},
	}
}

func TestRollUp(t *testing.T) {
	t.Parallel()
	scores := map[string]sc.Score{"a1": {Value: 100}, "a2": {Value: 60}, "b1": {NA: true}, "c1": {Value: 80}}
	r := sc.RollUp(catalogue(), scores, sc.DefaultBands, 0)
	if *r.Areas["A"] != 70 { // (1×100 + 3×60) ÷ 4
		t.Fatalf("area A = %v", *r.Areas["A"])
	}
	if r.Areas["B"] != nil {
		t.Fatal("an area wholly N/A has no score")
	}
	if *r.Total != 77.5 { // (20×70 + 60×80) ÷ 80, renormalised without B
		t.Fatalf("total = %v", *r.Total)
	}
	if *r.InternalLayer != 70 || r.Stage != sc.Development {
		t.Fatalf("internal %v stage %s", *r.InternalLayer, r.Stage)
	}
	// A red line at 0 caps the stage; the area still counts the zero.
	scores["c1"] = sc.Score{Value: 0}
	scores["a1"], scores["a2"] = sc.Score{Value: 100}, sc.Score{Value: 100}
	r = sc.RollUp(catalogue(), scores, sc.DefaultBands, 1)
	if len(r.RedLines) != 1 || r.Stage != sc.StartUp {
		t.Fatalf("red line: %+v stage %s", r.RedLines, r.Stage)
	}
	// No data is never counted as zero.
	r = sc.RollUp(catalogue(), map[string]sc.Score{"a1": {NoData: true}}, sc.DefaultBands, 0)
	if r.Total != nil || r.Stage != sc.StartUp {
		t.Fatalf("no data: %+v", r)
	}
}

func TestStages(t *testing.T) {
	t.Parallel()
	all := func(v int) map[string]sc.Score {
		return map[string]sc.Score{"a1": {Value: v}, "a2": {Value: v}, "b1": {Value: v}, "c1": {Value: v}}
	}
	for _, c := range []struct {
		v      int
		closed float64
		want   string
	}{{50, 0, sc.StartUp}, {65, 0, sc.Development}, {80, 0, sc.Integration}, {95, 0.5, sc.Integration}, {95, 0.9, sc.Excellence}} {
		if got := sc.RollUp(catalogue(), all(c.v), sc.DefaultBands, c.closed).Stage; got != c.want {
			t.Errorf("all %d, closed %.1f: %s, want %s", c.v, c.closed, got, c.want)
		}
	}
}

func TestEvidenceScores(t *testing.T) {
	t.Parallel()
	if err := (sc.EvidenceScore{Value: 70}).Validate(); !errors.Is(err, errs.ErrRule) {
		t.Fatal("a score without evidence")
	}
	if err := (sc.EvidenceScore{Value: 55, Evidence: []string{"x"}}).Validate(); !errors.Is(err, errs.ErrInvalid) {
		t.Fatal("a value off the rubric")
	}
	if err := (sc.EvidenceScore{NA: true}).Validate(); !errors.Is(err, errs.ErrInvalid) {
		t.Fatal("N/A without justification")
	}
	if err := (sc.EvidenceScore{Value: 70, Evidence: []string{"2026 年党建工作记录"}}).Validate(); err != nil {
		t.Fatal(err)
	}
}
