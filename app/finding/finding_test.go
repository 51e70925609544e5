package finding_test

import (
	"context"
	"sync"
	"testing"

	"huiguan/app"
	appfinding "huiguan/app/finding"
	"huiguan/domain/finding"
	"huiguan/infra/db/dbtest"
	"huiguan/testkit"
)

// events is a stand-in module: its rule flags events with no emergency plan.
type events struct {
	mu      sync.Mutex
	missing map[string]string // id → title of events without a plan
}

func (e *events) check(ctx context.Context) ([]finding.Violation, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	var out []finding.Violation
	for id, title := range e.missing {
		out = append(out, finding.Violation{ObjectType: "event", ObjectID: id, ObjectLabel: title,
			Severity: finding.Warning, Message: "no emergency plan"})
	}
	return out, nil
}

func TestFindingsOpenAndCloseWithTheData(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, tg dbtest.Target) {
		k := testkit.New(t, tg)
		data := &events{missing: map[string]string{"1": "年会", "2": "物流展"}}
		svc := k.Sys.Findings
		if err := svc.Register(appfinding.Check{RuleID: "R-TEST-1", Clause: "8.2.1.6", Module: "test", Evaluate: data.check}); err != nil {
			t.Fatal(err)
		}
		if err := svc.Register(appfinding.Check{RuleID: "R-TEST-1", Clause: "8.2.1.6", Module: "test", Evaluate: data.check}); err == nil {
			t.Fatal("a rule registered twice must be refused")
		}
		ctx := testkit.Ctx()
		out, err := svc.Recheck(ctx, "R-TEST-1")
		if err != nil || out.Opened != 2 {
			t.Fatalf("first check: %+v %v", out, err)
		}
		// A second run with unchanged data changes nothing.
		if out, _ := svc.Recheck(ctx, "R-TEST-1"); out.Opened+out.Closed+out.Updated != 0 {
			t.Fatalf("idempotent recheck changed %+v", out)
		}
		// The plan for event 1 is filed: its finding closes itself.
		data.mu.Lock()
		delete(data.missing, "1")
		data.mu.Unlock()
		out, _ = svc.Recheck(ctx, "R-TEST-1")
		if out.Closed != 1 || out.Opened != 0 {
			t.Fatalf("after fixing event 1: %+v", out)
		}
		open, _ := svc.List(ctx, appfinding.Filter{Status: "open"}, app.Page{Page: 1, PageSize: 20})
		closed, _ := svc.List(ctx, appfinding.Filter{Status: "closed", Clause: "8.2.1.6"}, app.Page{Page: 1, PageSize: 20})
		if open.Total != 1 || open.Items[0].ObjectID != "2" || closed.Total != 1 || closed.Items[0].ClosedAt == nil {
			t.Fatalf("open %+v closed %+v", open.Items, closed.Items)
		}
		// Breaking the rule again opens a new finding; history keeps the old one.
		data.mu.Lock()
		data.missing["1"] = "年会"
		data.mu.Unlock()
		if out, _ := svc.Recheck(ctx, "R-TEST-1"); out.Opened != 1 {
			t.Fatalf("re-broken: %+v", out)
		}
		// The board sees it over HTTP; a member does not.
		k.CreateUser("board1", "board")
		k.CreateUser("unit", "member")
		res := k.Login("board1", "board1-password").Do("GET", "/api/v1/findings/summary", nil)
		if res.Status != 200 || res.JSON["open"].(float64) != 2 || res.JSON["by_module"].([]any)[0].(map[string]any)["module"] != "test" {
			t.Fatalf("summary: %d %s", res.Status, res.Body)
		}
		list := k.Login("board1", "board1-password").Do("GET", "/api/v1/findings?clause=8.2.1.6&status=closed", nil)
		if list.JSON["total"].(float64) != 1 {
			t.Fatalf("list: %s", list.Body)
		}
		if res := k.Login("unit", "unit-password").Do("GET", "/api/v1/findings", nil); res.Status != 403 {
			t.Fatalf("member sees findings: %d", res.Status)
		}
		// Opening and closing are audited as the system's doing.
		audit := k.Login("admin", testkit.AdminPassword).Do("GET", "/api/v1/audit?entity=finding", nil)
		if audit.JSON["total"].(float64) != 4 { // 3 opened, 1 closed
			t.Fatalf("audit of findings: %s", audit.Body)
		}
	})
}
