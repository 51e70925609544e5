// Package scorecard holds the capability model of clause 6 and the scoring
// of clauses 9 and 10: indicators grouped into ten areas of two layers,
// the roll-up from indicator scores to areas, layers and a total, red lines,
// and the development stage those figures support.
package scorecard

import (
	"sort"

	"huiguan/domain/errs"
)

// Kind says where an indicator's score comes from.
type Kind string

// Indicator kinds.
const (
	Auto     Kind = "auto"     // computed from operational data only
	Evidence Kind = "evidence" // scored by the working group on proof
)

// Indicator is one scorecard item, one per numbered clause of 7 and 8.
type Indicator struct {
	ID      string // the clause, e.g. "8.1.1.3"
	Area    string
	Layer   string
	TitleZh string
	TitleEn string
	Kind    Kind
	Metric  string
	Weight  int
}

// Area is one of the ten capability areas.
type Area struct {
	Name   string
	NameEn string
	Clause string
	Weight int
	Layer  string
}

// Layer is internal governance (clause 7) or business governance (clause 8).
type Layer struct {
	Name   string
	Weight int
	Areas  []Area
}

// Catalogue is the model: layers, areas and indicators.
type Catalogue struct {
	Layers     []Layer
	Indicators []Indicator
	RedLines   map[string]string // indicator id → condition
}

// Area returns the area of that name.
func (c Catalogue) Area(name string) (Area, bool) {
	for _, l := range c.Layers {
		for _, a := range l.Areas {
			if a.Name == name {
				return a, true
			}
		}
	}
	return Area{}, false
}

// Indicator returns the indicator with that id.
func (c Catalogue) Indicator(id string) (Indicator, bool) {
	for _, i := range c.Indicators {
		if i.ID == id {
			return i, true
		}
	}
	return Indicator{}, false
}

// Evidence rubric scores (clause 10 scoring of evidence indicators).
var Rubric = []int{0, 40, 70, 100}

// ValidRubric reports whether s is a rubric score.
func ValidRubric(s int) bool {
	for _, r := range Rubric {
		if r == s {
			return true
		}
	}
	return false
}

// Score is an indicator's score: a value 0–100, or not applicable, or no data.
type Score struct {
	Value  int
	NA     bool // the clause's condition does not apply
	NoData bool // the module has no data yet: never a fake number
}

// Applicable reports whether the score counts in the roll-up.
func (s Score) Applicable() bool { return !s.NA && !s.NoData }

// Result is the roll-up of a set of scores.
type Result struct {
	Areas         map[string]*float64 // nil when the whole area has no applicable score
	Layers        map[string]*float64
	Total         *float64
	InternalLayer *float64
	RedLines      []string // breached red-line indicators
	Stage         string
}

// Stages, lowest first (clause 9).
const (
	StartUp     = "初创期"
	Development = "发展期"
	Integration = "优化与融合期"
	Excellence  = "卓越期"
)

// Bands are the stage thresholds (a proposal of the catalogue; configurable).
type Bands struct {
	DevelopmentTotal, DevelopmentInternal                  float64
	IntegrationTotal, IntegrationInternal, IntegrationArea float64
	ExcellenceTotal, ExcellenceInternal, ExcellenceArea    float64
}

// DefaultBands follow indicators.json.
var DefaultBands = Bands{60, 60, 75, 75, 60, 90, 85, 75}

// RollUp computes areas, layers, total and stage. A red-line indicator
// scored 0 is a breach; one breach caps the stage at 发展期, two at 初创期.
// closedActionsShare is the share (0–1) of the previous round's
// improvement actions closed with evidence, needed for 卓越期 (10.2.2).
func RollUp(c Catalogue, scores map[string]Score, b Bands, closedActionsShare float64) Result {
	r := Result{Areas: map[string]*float64{}, Layers: map[string]*float64{}}
	byArea := map[string][]Indicator{}
	for _, ind := range c.Indicators {
		byArea[ind.Area] = append(byArea[ind.Area], ind)
	}
	for id := range c.RedLines {
		if s, ok := scores[id]; ok && s.Applicable() && s.Value == 0 {
			r.RedLines = append(r.RedLines, id)
		}
	}
	sort.Strings(r.RedLines)
	var totalNum, totalDen float64
	minArea := 101.0
	for _, l := range c.Layers {
		var ln, ld float64
		for _, a := range l.Areas {
			var num, den float64
			for _, ind := range byArea[a.Name] {
				s, ok := scores[ind.ID]
				if !ok || !s.Applicable() {
					continue
				}
				num += float64(ind.Weight * s.Value)
				den += float64(ind.Weight)
			}
			if den == 0 {
				r.Areas[a.Name] = nil
				continue
			}
			v := round1(num / den)
			r.Areas[a.Name] = &v
			ln += float64(a.Weight) * v
			ld += float64(a.Weight)
			totalNum += float64(a.Weight) * v
			totalDen += float64(a.Weight)
			if v < minArea {
				minArea = v
			}
		}
		if ld > 0 {
			v := round1(ln / ld)
			r.Layers[l.Name] = &v
		}
	}
	if totalDen > 0 {
		v := round1(totalNum / totalDen) // renormalised over areas with data
		r.Total = &v
	}
	if len(c.Layers) > 0 {
		r.InternalLayer = r.Layers[c.Layers[0].Name]
	}
	r.Stage = stage(r, minArea, b, closedActionsShare)
	return r
}

func stage(r Result, minArea float64, b Bands, closed float64) string {
	if r.Total == nil || r.InternalLayer == nil {
		return StartUp
	}
	t, in, red := *r.Total, *r.InternalLayer, len(r.RedLines)
	switch {
	case red == 0 && t >= b.ExcellenceTotal && in >= b.ExcellenceInternal && minArea >= b.ExcellenceArea && closed >= 0.8:
		return Excellence
	case red == 0 && t >= b.IntegrationTotal && in >= b.IntegrationInternal && minArea >= b.IntegrationArea:
		return Integration
	case red <= 1 && t >= b.DevelopmentTotal && in >= b.DevelopmentInternal:
		return Development
	}
	return StartUp
}

func round1(v float64) float64 {
	if v < 0 {
		return -round1(-v)
	}
	return float64(int64(v*10+0.5)) / 10
}

// EvidenceScore is the working group's score of an evidence indicator.
type EvidenceScore struct {
	IndicatorID   string
	Value         int
	NA            bool
	Justification string // why N/A
	Evidence      []string
	Comment       string
	ScoredBy      string
}

// Validate applies clause 10's scoring: a rubric value with evidence, or
// N/A with a justification.
func (e EvidenceScore) Validate() error {
	if e.NA {
		if len([]rune(e.Justification)) == 0 {
			return errs.Field("justification", "required")
		}
		return nil
	}
	if !ValidRubric(e.Value) {
		return errs.Field("score", "rubric")
	}
	if len(e.Evidence) == 0 && e.Value > 0 {
		return errs.Rule("scorecard.no_evidence", "10.1.3")
	}
	return nil
}
