package api_test

import (
	"testing"
	"time"

	"huiguan/infra/db/dbtest"
	"huiguan/testkit"
)

func TestConsultingLifecycle(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, tg dbtest.Target) {
		k := testkit.New(t, tg)
		clerk, _ := governanceSetup(t, k)
		k.CreateUser("fin", "finance")
		fin := k.Login("fin", "fin-password")
		if r := clerk.Do("POST", "/api/v1/consulting/services", map[string]any{"name": "物业管理咨询", "category": "management", "scope_item": "物业管理"}); r.Status != 422 || r.JSON["error"].(map[string]any)["clause"] != "8.2.2.1" {
			t.Fatalf("out-of-scope service: %d %s", r.Status, r.Body)
		}
		svc := clerk.Do("POST", "/api/v1/consulting/services", map[string]any{"name": "冷链物流规划咨询", "category": "management", "scope_item": "咨询服务", "fee_basis": "按人天计价"})
		gov := clerk.Do("POST", "/api/v1/consulting/clients", map[string]any{"name": "广州市商务局", "kind": "government"})
		foreign := clerk.Do("POST", "/api/v1/consulting/clients", map[string]any{"name": "Global Logistics Ltd", "kind": "organisation", "foreign": true})
		body := func(client any, special bool) map[string]any {
			return map[string]any{"client_id": client, "service_id": svc.JSON["id"], "title": "冷链物流发展规划（政府购买服务）", "fee_fen": 50000000,
				"starts_on": "2026-03-01", "ends_on": "2026-12-31", "special_fund": special,
				"deliverables": []map[string]any{{"title": "规划报告", "due_on": "2026-10-31", "metric": "通过专家评审"}},
				"payment_plan": []map[string]any{{"due_on": "2026-03-15", "amount_fen": 20000000}, {"due_on": "2026-12-31", "amount_fen": 30000000}}}
		}
		bad := body(gov.JSON["id"], true)
		bad["fee_fen"] = -1
		bad["deliverables"] = []map[string]any{{"title": "报告", "due_on": "2026-01-01"}}
		if r := clerk.Do("POST", "/api/v1/consulting/contracts", bad); r.Status != 400 || r.ErrorField("fee_fen") == "" || r.ErrorField("deliverables") == "" {
			t.Fatalf("bad contract: %d %s", r.Status, r.Body)
		}
		ct := clerk.Do("POST", "/api/v1/consulting/contracts", body(gov.JSON["id"], true))
		if ct.Status != 201 {
			t.Fatalf("contract: %d %s", ct.Status, ct.Body)
		}
		id := itoa(ct.JSON["id"].(float64))
		stage := func(s, skip string) testkit.Response {
			return clerk.Do("POST", "/api/v1/consulting/contracts/"+id+"/stages", map[string]any{"stage": s, "summary": "完成" + s, "skip_reason": skip})
		}
		stage("requirements", "")
		if r := stage("planning", ""); r.Status != 422 || r.ErrorCode() != "contract.stage_skipped" {
			t.Fatalf("skip without reason: %d %s", r.Status, r.Body)
		}
		stage("feasibility", "")
		stage("planning", "")
		stage("approval", "")
		if r := stage("implementation", ""); r.Status != 422 || r.ErrorCode() != "contract.unsigned" {
			t.Fatalf("implementation unsigned: %d %s", r.Status, r.Body)
		}
		clerk.Do("POST", "/api/v1/consulting/contracts/"+id+"/sign", map[string]any{"signed_on": "2026-03-10", "document": "合同扫描件"})
		stage("implementation", "")
		if r := stage("feasibility", ""); r.Status != 422 || r.ErrorCode() != "contract.stage_backward" {
			t.Fatalf("backward: %d %s", r.Status, r.Body)
		}
		// Ring-fenced budget: an overspend is refused.
		line := fin.Do("POST", "/api/v1/consulting/contracts/"+id+"/budget", map[string]any{"name": "专家咨询费", "amount_fen": 1000000})
		lid := line.JSON["id"]
		if r := fin.Do("POST", "/api/v1/consulting/contracts/"+id+"/expenses", map[string]any{"line_id": lid, "amount_fen": 600000, "spent_on": "2026-05-01", "description": "专家评审会"}); r.Status != 201 {
			t.Fatalf("expense: %d %s", r.Status, r.Body)
		}
		if r := fin.Do("POST", "/api/v1/consulting/contracts/"+id+"/expenses", map[string]any{"line_id": lid, "amount_fen": 400001, "spent_on": "2026-06-01", "description": "超支"}); r.Status != 422 || r.JSON["error"].(map[string]any)["clause"] != "7.3.2.2" {
			t.Fatalf("overspend: %d %s", r.Status, r.Body)
		}
		for _, s := range []string{"review", "acceptance", "closure", "performance_evaluation"} {
			if r := stage(s, ""); r.Status != 201 {
				t.Fatalf("%s: %d %s", s, r.Status, r.Body)
			}
		}
		got := clerk.Do("GET", "/api/v1/consulting/contracts/"+id, nil)
		if n := len(got.JSON["stages"].([]any)); n != 9 {
			t.Fatalf("nine stage records: %d", n)
		}
		// A foreign commission needs its review before signing.
		fc := clerk.Do("POST", "/api/v1/consulting/contracts", body(foreign.JSON["id"], false))
		fid := itoa(fc.JSON["id"].(float64))
		if fc.JSON["foreign_client"] != true {
			t.Fatalf("foreign flag from the client: %s", fc.Body)
		}
		if r := clerk.Do("POST", "/api/v1/consulting/contracts/"+fid+"/sign", map[string]any{"signed_on": "2026-03-10", "document": "x"}); r.Status != 422 || r.JSON["error"].(map[string]any)["clause"] != "8.2.2.5" {
			t.Fatalf("foreign unsigned: %d %s", r.Status, r.Body)
		}
		clerk.Do("PUT", "/api/v1/consulting/contracts/"+fid+"/compliance-review", map[string]any{"reviewer": "法律顾问", "reviewed_on": "2026-03-05", "approved": true, "conclusion": "不涉及敏感数据出境"})
		if r := clerk.Do("POST", "/api/v1/consulting/contracts/"+fid+"/sign", map[string]any{"signed_on": "2026-03-10", "document": "x"}); r.Status != 200 {
			t.Fatalf("foreign after review: %d %s", r.Status, r.Body)
		}

		// After its due date the signed contract's report is flagged (8.2.2.3)
		// until it is recorded as delivered.
		k.Clock.Advance(250 * 24 * time.Hour)
		clerk, fin = k.Login("clerk", "clerk-password"), k.Login("fin", "fin-password")
		deliverable := "/api/v1/consulting/contracts/" + fid + "/deliverables/"
		if r := clerk.Do("PUT", deliverable+"0", map[string]any{"done": false}); r.Status != 200 {
			t.Fatalf("deliverable not done: %d %s", r.Status, r.Body)
		}
		overdue := func() float64 {
			return clerk.Do("GET", "/api/v1/findings?status=open&rule_id=R-8.2.2.3", nil).JSON["total"].(float64)
		}
		if n := overdue(); n != 1 {
			t.Fatalf("overdue deliverable findings: %v", n)
		}
		if r := clerk.Do("PUT", deliverable+"1", map[string]any{"done": true}); r.Status != 404 {
			t.Fatalf("a deliverable the contract does not have: %d %s", r.Status, r.Body)
		}
		if r := clerk.Do("PUT", deliverable+"0", map[string]any{}); r.Status != 400 || r.ErrorField("done") == "" {
			t.Fatalf("no done flag: %d %s", r.Status, r.Body)
		}
		if r := fin.Do("PUT", deliverable+"0", map[string]any{"done": true}); r.Status != 403 {
			t.Fatalf("finance marking a deliverable: %d", r.Status)
		}
		r := clerk.Do("PUT", deliverable+"0", map[string]any{"done": true})
		if r.Status != 200 || !r.JSON["deliverables"].([]any)[0].(map[string]any)["done"].(bool) {
			t.Fatalf("deliverable done: %d %s", r.Status, r.Body)
		}
		if n := overdue(); n != 0 {
			t.Fatalf("overdue findings after delivery: %v", n)
		}
	})
}
