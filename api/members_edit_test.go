package api_test

import (
	"strings"
	"testing"
	"time"

	"huiguan/infra/db/dbtest"
	"huiguan/testkit"
)

// registry sets up a tier, an approved unit and a linked member user.
func registry(t *testing.T, k *testkit.Kit) (clerk *testkit.Client, id string, tier float64) {
	t.Helper()
	k.CreateUser("clerk", "secretariat")
	clerk = k.Login("clerk", "clerk-password")
	res := clerk.Do("POST", "/api/v1/member-tiers", map[string]any{"name": "会员单位", "rank": 4, "annual_fee_fen": 200000, "services": []string{"行业年会"}})
	tier = res.JSON["id"].(float64)
	res = clerk.Do("POST", "/api/v1/members", memberBody("广州速达物流有限公司", code("91440101MA5CXXXX0"), tier))
	id = itoa(res.JSON["id"].(float64))
	if r := clerk.Do("POST", "/api/v1/members/"+id+"/approve", nil); r.Status != 200 {
		t.Fatalf("approve: %d %s", r.Status, r.Body)
	}
	return clerk, id, tier
}

func TestEditingKeepsTheRosterComplete(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, tg dbtest.Target) {
		k := testkit.New(t, tg)
		clerk, id, _ := registry(t, k)
		r := clerk.Do("PATCH", "/api/v1/members/"+id, map[string]any{"address": "  "})
		if r.Status != 422 || r.JSON["error"].(map[string]any)["clause"] != "8.1.2.3" || r.ErrorField("address") == "" {
			t.Fatalf("blanking an active member's address: %d %s", r.Status, r.Body)
		}
		r = clerk.Do("PATCH", "/api/v1/members/"+id, map[string]any{
			"address": "广州市南沙区港前大道 8 号", "region": "南沙",
			"warnings": []map[string]any{{"text": "被列入经营异常名录", "level": "high", "date": "2026-02-20", "source": "国家企业信用信息公示系统"}},
			"profile":  map[string]string{"credit": "A 级纳税人", "legal": "", "business": "", "brand": "", "capability": ""},
		})
		if r.Status != 200 || r.JSON["address"] != "广州市南沙区港前大道 8 号" || r.JSON["risk_level"] != "high" {
			t.Fatalf("edit: %d %s", r.Status, r.Body)
		}
		if l := clerk.Do("GET", "/api/v1/members?risk=high", nil); l.JSON["total"].(float64) != 1 {
			t.Fatalf("risk filter: %s", l.Body)
		}
		if r := clerk.Do("PATCH", "/api/v1/members/"+id, map[string]any{"warnings": []map[string]any{{"text": "x", "level": "severe", "date": "2026-02-20"}}}); r.Status != 400 {
			t.Fatalf("bad warning level: %d %s", r.Status, r.Body)
		}
		if r := clerk.Do("PATCH", "/api/v1/members/"+id, map[string]any{"tier_id": 999}); r.Status != 400 || r.ErrorField("tier_id") == "" {
			t.Fatalf("unknown tier: %d %s", r.Status, r.Body)
		}
		// The audit trail names the changed fields but not confidential values.
		a := k.Login("admin", testkit.AdminPassword).Do("GET", "/api/v1/audit?action=member.update&entity_id="+id, nil)
		after := a.JSON["items"].([]any)[0].(map[string]any)["after"].(map[string]any)
		if len(after["changed"].([]any)) != 4 || a.Body == "" || containsAny(a.Body, "经营异常", "A 级纳税人") {
			t.Fatalf("audit of an edit: %s", a.Body)
		}
	})
}

func containsAny(s string, subs ...string) bool {
	for _, x := range subs {
		if strings.Contains(s, x) {
			return true
		}
	}
	return false
}

func TestReviewDueFindingOpensAndCloses(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, tg dbtest.Target) {
		k := testkit.New(t, tg)
		clerk, id, _ := registry(t, k)
		k.Clock.Advance(13 * 30 * 24 * time.Hour)
		clerk = k.Login("clerk", "clerk-password") // the old session expired meanwhile
		if r := clerk.Do("POST", "/api/v1/findings/recheck", nil); r.Status != 200 || r.JSON["opened"].(float64) < 1 {
			t.Fatalf("recheck after 13 months: %d %s", r.Status, r.Body)
		}
		open := clerk.Do("GET", "/api/v1/findings?status=open&clause=8.1.2.4", nil)
		if open.JSON["total"].(float64) != 1 || open.JSON["items"].([]any)[0].(map[string]any)["object_id"] != id {
			t.Fatalf("open findings: %s", open.Body)
		}
		st := clerk.Do("GET", "/api/v1/members/stats", nil)
		if st.JSON["review_due"].(float64) != 1 {
			t.Fatalf("stats review_due: %s", st.Body)
		}
		// Reviewing the record closes the finding in the same transaction.
		if r := clerk.Do("POST", "/api/v1/members/"+id+"/review", nil); r.Status != 200 {
			t.Fatalf("review: %d %s", r.Status, r.Body)
		}
		if open := clerk.Do("GET", "/api/v1/findings?status=open&clause=8.1.2.4", nil); open.JSON["total"].(float64) != 0 {
			t.Fatalf("after review: %s", open.Body)
		}
	})
}

func TestStatisticsAndCoverage(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, tg dbtest.Target) {
		k := testkit.New(t, tg)
		clerk, _, tier := registry(t, k)
		second := memberBody("深圳鹏程供应链有限公司", code("91440300MA5DXXXX0"), tier)
		second["region"] = "深圳"
		r := clerk.Do("POST", "/api/v1/members", second)
		clerk.Do("POST", "/api/v1/members/"+itoa(r.JSON["id"].(float64))+"/approve", nil)
		if r := clerk.Do("PUT", "/api/v1/members/stats/industry-units", map[string]any{"industry_total_units": 0}); r.Status != 400 {
			t.Fatalf("zero industry units: %d %s", r.Status, r.Body)
		}
		st := clerk.Do("PUT", "/api/v1/members/stats/industry-units", map[string]any{"industry_total_units": 8})
		cov := st.JSON["coverage"].(map[string]any)
		if st.Status != 200 || cov["current"].(float64) != 2 || cov["rate"].(float64) != 0.25 {
			t.Fatalf("coverage: %d %s", st.Status, st.Body)
		}
		regions := st.JSON["by_region"].([]any)
		tiers := st.JSON["by_tier"].([]any)
		trend := st.JSON["trend"].([]any)
		if len(regions) != 2 || tiers[0].(map[string]any)["label"] != "会员单位" || tiers[0].(map[string]any)["count"].(float64) != 2 ||
			trend[0].(map[string]any)["year"].(float64) != 2026 || trend[0].(map[string]any)["joined"].(float64) != 2 {
			t.Fatalf("stats: %s", st.Body)
		}
	})
}

func TestPortalChangeRequests(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, tg dbtest.Target) {
		k := testkit.New(t, tg)
		clerk, id, _ := registry(t, k)
		admin := k.Login("admin", testkit.AdminPassword)
		admin.Do("POST", "/api/v1/users", map[string]any{"username": "suda", "password": "suda-password", "display_name": "速达", "roles": []string{"member"}, "member_id": atoi(id)})
		unit := k.Login("suda", "suda-password")
		// A unit may not blank its own address either; nor change its tier (ignored).
		if r := unit.Do("POST", "/api/v1/portal/my-unit/change-requests", map[string]any{"address": ""}); r.Status != 422 {
			t.Fatalf("request blanking the address: %d %s", r.Status, r.Body)
		}
		if r := unit.Do("POST", "/api/v1/portal/my-unit/change-requests", map[string]any{"tier_id": 1}); r.Status != 400 {
			t.Fatalf("a request of only non-editable fields: %d %s", r.Status, r.Body)
		}
		r := unit.Do("POST", "/api/v1/portal/my-unit/change-requests", map[string]any{
			"member_representative": map[string]string{"name": "陈立", "phone": "13700000007"}, "note": "代表人变更",
		})
		if r.Status != 201 || r.JSON["status"] != "pending" {
			t.Fatalf("request: %d %s", r.Status, r.Body)
		}
		reqID := itoa(r.JSON["id"].(float64))
		if mine := unit.Do("GET", "/api/v1/portal/my-unit/change-requests", nil); mine.JSON["total"].(float64) != 1 {
			t.Fatalf("own requests: %s", mine.Body)
		}
		// A portal account not linked to any unit sees no unit's requests.
		k.CreateUser("unlinked", "member")
		if r := k.Login("unlinked", "unlinked-password").Do("GET", "/api/v1/portal/my-unit/change-requests", nil); r.Status != 200 || r.JSON["total"].(float64) != 0 {
			t.Fatalf("unlinked member account listing requests: %d %s", r.Status, r.Body)
		}
		if r := clerk.Do("POST", "/api/v1/member-change-requests/"+reqID+"/reject", nil); r.Status != 400 || r.ErrorField("note") == "" {
			t.Fatalf("reject without a reason: %d %s", r.Status, r.Body)
		}
		if r := clerk.Do("POST", "/api/v1/member-change-requests/"+reqID+"/apply", nil); r.Status != 200 || r.JSON["status"] != "applied" {
			t.Fatalf("apply: %d %s", r.Status, r.Body)
		}
		if r := clerk.Do("POST", "/api/v1/member-change-requests/"+reqID+"/apply", nil); r.Status != 409 {
			t.Fatalf("apply twice: %d %s", r.Status, r.Body)
		}
		got := unit.Do("GET", "/api/v1/portal/my-unit", nil)
		if got.JSON["member_representative"].(map[string]any)["name"] != "陈立" {
			t.Fatalf("after apply: %s", got.Body)
		}
	})
}
