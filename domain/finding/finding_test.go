package finding_test

import (
	"testing"

	"huiguan/domain/finding"
)

func TestReconcile(t *testing.T) {
	t.Parallel()
	open := []finding.Finding{
		{ID: 1, ObjectType: "event", ObjectID: "1", Severity: finding.Warning, Message: "m"},
		{ID: 2, ObjectType: "event", ObjectID: "2", Severity: finding.Warning, Message: "m"},
		{ID: 3, ObjectType: "event", ObjectID: "3", Severity: finding.Warning, Message: "m"},
	}
	current := []finding.Violation{
		{ObjectType: "event", ObjectID: "1", Severity: finding.Warning, Message: "m"},  // persists unchanged
		{ObjectType: "event", ObjectID: "3", Severity: finding.Critical, Message: "m"}, // persists, worse
		{ObjectType: "event", ObjectID: "4", Severity: finding.Info, Message: "m"},     // new
		{ObjectType: "event", ObjectID: "4", Severity: finding.Info, Message: "m"},     // reported twice
	}
	r := finding.Reconcile(open, current)
	if len(r.Open) != 1 || r.Open[0].ObjectID != "4" {
		t.Fatalf("open = %+v", r.Open)
	}
	if len(r.Close) != 1 || r.Close[0].ID != 2 {
		t.Fatalf("close = %+v", r.Close)
	}
	if len(r.Update) != 1 || r.Update[0].ID != 3 || r.Update[0].Severity != finding.Critical {
		t.Fatalf("update = %+v", r.Update)
	}
}
