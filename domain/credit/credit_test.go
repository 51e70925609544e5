package credit_test

import (
	"errors"
	"testing"
	"time"

	"huiguan/domain/credit"
	"huiguan/domain/errs"
)

var now = time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)

func TestEvidence(t *testing.T) {
	t.Parallel()
	black := credit.Proposal{MemberID: 7, List: credit.Black, Action: "add"}
	if err := black.CheckEvidence(nil); err == nil {
		t.Fatal("a decision without evidence")
	} else if e, _ := errs.As(err); e.Clause != "8.4.1.5" {
		t.Fatalf("clause: %v", err)
	}
	neg := credit.Record{MemberID: 7, Polarity: credit.Negative}
	pos := credit.Record{MemberID: 7, Polarity: credit.Positive}
	if err := black.CheckEvidence([]credit.Record{neg}); err != nil {
		t.Fatal(err)
	}
	if err := black.CheckEvidence([]credit.Record{pos}); !errors.Is(err, errs.ErrRule) {
		t.Fatal("black list on positive records")
	}
	if err := black.CheckEvidence([]credit.Record{{MemberID: 8, Polarity: credit.Negative}}); !errors.Is(err, errs.ErrInvalid) {
		t.Fatal("evidence about another unit")
	}
	red := credit.Proposal{MemberID: 7, List: credit.Red, Action: "add"}
	if err := red.CheckEvidence([]credit.Record{pos}); err != nil {
		t.Fatal(err)
	}
}

func TestExclusive(t *testing.T) {
	t.Parallel()
	blackEntry := credit.Entry{List: credit.Black, Status: "active"}
	if err := credit.CheckExclusive(credit.Red, []credit.Entry{blackEntry}); !errors.Is(err, errs.ErrRule) {
		t.Fatal("red while black")
	}
	if err := credit.CheckExclusive(credit.Black, []credit.Entry{{List: credit.Red, Status: "active"}}); err != nil {
		t.Fatal("black over red closes the red entry instead")
	}
	if err := credit.CheckExclusive(credit.Black, []credit.Entry{blackEntry}); !errors.Is(err, errs.ErrConflict) {
		t.Fatal("overlapping black entries")
	}
}

func TestAppeal(t *testing.T) {
	t.Parallel()
	if err := credit.CheckAppealWindow(now, now.AddDate(0, 0, 15), 15); err != nil {
		t.Fatal("the last day of the window")
	}
	if err := credit.CheckAppealWindow(now, now.AddDate(0, 0, 16), 15); !errors.Is(err, errs.ErrRule) {
		t.Fatal("after the window")
	}
	a := credit.Appeal{Status: "pending"}
	if err := a.Review("mishu", "mishu", true, "x", now); !errors.Is(err, errs.ErrRule) {
		t.Fatal("the proposer reviewing")
	}
	if err := a.Review("huizhang", "mishu", true, "证据不足", now); err != nil || a.Status != "overturned" {
		t.Fatalf("overturn: %v %+v", err, a)
	}
	if err := a.Review("huizhang", "mishu", false, "x", now); !errors.Is(err, errs.ErrConflict) {
		t.Fatal("reviewed twice")
	}
}

func TestRecords(t *testing.T) {
	t.Parallel()
	ok := credit.Record{MemberID: 1, Polarity: credit.Negative, Category: "court_judgment", OccurredOn: now, Source: "(2025)粤01民终123号", Severity: "high", Summary: "合同欺诈"}
	if err := ok.Validate(); err != nil {
		t.Fatal(err)
	}
	bad := ok
	bad.Category = "award"
	if err := bad.Validate(); !errors.Is(err, errs.ErrInvalid) {
		t.Fatal("a positive category on a negative record")
	}
}
