// Package finding models compliance findings (合规提示): the standard's
// FLAG-mode rules allow a write but open a finding that names the rule, the
// clause and the object, and that closes itself when the data is fixed.
package finding

import (
	"time"

	"huiguan/domain/errs"
)

// Severity orders findings for attention.
type Severity string

// Severities, mildest first.
const (
	Info     Severity = "info"
	Warning  Severity = "warning"
	Critical Severity = "critical"
)

// ParseSeverity accepts the three severities.
func ParseSeverity(s string) (Severity, error) {
	switch Severity(s) {
	case Info, Warning, Critical:
		return Severity(s), nil
	}
	return "", errs.Field("severity", "invalid")
}

// Violation is what a check reports: one object currently breaking a rule.
type Violation struct {
	ObjectType  string
	ObjectID    string
	ObjectLabel string
	Severity    Severity
	Message     string
}

// Key identifies the object of a violation within a rule.
func (v Violation) Key() string { return v.ObjectType + "/" + v.ObjectID }

// Finding is a violation as recorded over time.
type Finding struct {
	ID          int64
	RuleID      string
	Clause      string
	Module      string
	ObjectType  string
	ObjectID    string
	ObjectLabel string
	Severity    Severity
	Message     string
	OpenedAt    time.Time
	ClosedAt    *time.Time
}

// Key identifies the object of a finding within its rule.
func (f Finding) Key() string { return f.ObjectType + "/" + f.ObjectID }

// Open reports whether the finding is still open.
func (f Finding) Open() bool { return f.ClosedAt == nil }

// Reconciliation is what must change so that the open findings of a rule
// match its current violations.
type Reconciliation struct {
	Open   []Violation // new violations to open
	Close  []Finding   // open findings whose violation is gone
	Update []Finding   // open findings whose label, severity or message changed
}

// Reconcile compares the open findings of one rule with its current
// violations. A violation that persists keeps its finding (and its opened
// time); one that disappears closes it; a new one opens a finding.
func Reconcile(open []Finding, current []Violation) Reconciliation {
	var r Reconciliation
	byKey := make(map[string]Violation, len(current))
	for _, v := range current {
		byKey[v.Key()] = v
	}
	seen := make(map[string]bool, len(open))
	for _, f := range open {
		k := f.Key()
		seen[k] = true
		v, still := byKey[k]
		switch {
		case !still:
			r.Close = append(r.Close, f)
		case v.Severity != f.Severity || v.Message != f.Message || v.ObjectLabel != f.ObjectLabel:
			f.Severity, f.Message, f.ObjectLabel = v.Severity, v.Message, v.ObjectLabel
			r.Update = append(r.Update, f)
		}
	}
	for _, v := range current {
		if !seen[v.Key()] {
			seen[v.Key()] = true // a check reporting one object twice opens one finding
			r.Open = append(r.Open, v)
		}
	}
	return r
}
