package api_test

import (
	"testing"

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
	})
}
