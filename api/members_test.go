package api_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"huiguan/app"
	appmember "huiguan/app/member"
	"huiguan/domain/errs"
	"huiguan/domain/identity"

	"huiguan/domain/member"
	"huiguan/infra/db/dbtest"
	"huiguan/testkit"
)

func code(first17 string) string { return first17 + string(member.CheckChar(first17)) }

func memberBody(name, uscc string, tier float64) map[string]any {
	return map[string]any{
		"name": name, "uscc": uscc, "tier_id": tier, "unit_type": "company", "charter_accepted": true, "channel": "paper",
		"address": "广州市黄埔区港前路 1 号", "industry": "道路货运", "region": "广州", "chain_segment": "干线运输",
		"legal_representative":  map[string]string{"name": "王建国", "phone": "13800000001"},
		"member_representative": map[string]string{"name": "李敏", "phone": "13800000002"},
		"contacts":              []map[string]string{{"name": "赵婷", "title": "行政主管", "phone": "02080000003", "email": "zhao@example.com"}},
	}
}

func TestMemberRegistry(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, tg dbtest.Target) {
		k := testkit.New(t, tg)
		k.CreateUser("clerk", "secretariat")
		clerk := k.Login("clerk", "clerk-password")
		admin := k.Login("admin", testkit.AdminPassword)

		// Tiers: four at most (8.1.1.1).
		var tierID float64
		for i, name := range []string{"会长单位", "副会长单位", "理事单位", "会员单位"} {
			res := clerk.Do("POST", "/api/v1/member-tiers", map[string]any{"name": name, "rank": i + 1, "annual_fee_fen": 100000 * (4 - i), "services": []string{"行业年会"}})
			if res.Status != 201 {
				t.Fatalf("tier %s: %d %s", name, res.Status, res.Body)
			}
			tierID = res.JSON["id"].(float64)
		}
		fifth := clerk.Do("POST", "/api/v1/member-tiers", map[string]any{"name": "观察员", "annual_fee_fen": 100, "services": []string{"简报"}})
		if fifth.Status != 422 || fifth.ErrorCode() != "tier.limit" || fifth.JSON["error"].(map[string]any)["clause"] != "8.1.1.1" {
			t.Fatalf("fifth tier: %d %s", fifth.Status, fifth.Body)
		}
		if res := clerk.Do("POST", "/api/v1/member-tiers", map[string]any{"name": "停用层级", "annual_fee_fen": 100, "services": []string{"简报"}, "active": false}); res.Status != 201 {
			t.Fatalf("an inactive fifth tier may be kept: %d %s", res.Status, res.Body)
		}

		// Eligibility (8.1.2.1) and the unique code.
		good := code("91440101MA5CXXXX0")
		res := clerk.Do("POST", "/api/v1/members", memberBody("广州速达物流有限公司", good, tierID))
		if res.Status != 201 || res.JSON["status"] != "applicant" || res.JSON["member_no"] != "" {
			t.Fatalf("apply: %d %s", res.Status, res.Body)
		}
		id := itoa(res.JSON["id"].(float64))
		if dup := clerk.Do("POST", "/api/v1/members", memberBody("另一家", good, tierID)); dup.Status != 409 || dup.ErrorCode() != "member.uscc_taken" {
			t.Fatalf("same code twice: %d %s", dup.Status, dup.Body)
		}
		branch := memberBody("速达物流广州分公司", code("91440101MA5CYYYY0"), tierID)
		branch["unit_type"] = "branch_company"
		before := k.AuditCount()
		if r := clerk.Do("POST", "/api/v1/members", branch); r.Status != 422 || r.JSON["error"].(map[string]any)["clause"] != "8.1.2.1" {
			t.Fatalf("branch company: %d %s", r.Status, r.Body)
		}
		if r := clerk.Do("POST", "/api/v1/members", memberBody("某局", code("11440000006940000"), tierID)); r.Status != 422 || r.ErrorCode() != "member.uscc_not_eligible" {
			t.Fatalf("state organ code: %d %s", r.Status, r.Body)
		}
		bad := memberBody("错码公司", good[:17]+"X", tierID)
		if r := clerk.Do("POST", "/api/v1/members", bad); r.Status != 400 || r.ErrorField("uscc") == "" {
			t.Fatalf("bad check character: %d %s", r.Status, r.Body)
		}
		if k.AuditCount() != before {
			t.Fatal("refused applications wrote something")
		}

		// Activation needs a complete roster (8.1.2.3).
		thin := memberBody("资料不全物流有限公司", code("91440101MA5CWWWW0"), tierID)
		delete(thin, "contacts")
		delete(thin, "address")
		thin["member_representative"] = map[string]string{"name": "刘洋", "phone": "13900000009"}
		r := clerk.Do("POST", "/api/v1/members", thin)
		if r.Status != 201 {
			t.Fatalf("an incomplete application is still accepted: %d %s", r.Status, r.Body)
		}
		thinID := itoa(r.JSON["id"].(float64))
		r = clerk.Do("POST", "/api/v1/members/"+thinID+"/approve", nil)
		if r.Status != 422 || r.JSON["error"].(map[string]any)["clause"] != "8.1.2.3" || r.ErrorField("address") == "" || r.ErrorField("contacts") == "" {
			t.Fatalf("approve incomplete: %d %s", r.Status, r.Body)
		}
		r = clerk.Do("POST", "/api/v1/members/"+id+"/approve", nil)
		if r.Status != 200 || r.JSON["status"] != "active" || r.JSON["member_no"] != "2026-00001" {
			t.Fatalf("approve: %d %s", r.Status, r.Body)
		}

		// Confidentiality: the secretariat sees internal fields, not the restricted one.
		got := clerk.Do("GET", "/api/v1/members/"+id, nil)
		legal := got.JSON["legal_representative"].(map[string]any)
		if legal["phone"] != "138****0001" || got.JSON["member_representative"].(map[string]any)["phone"] != "13800000002" ||
			!strings.Contains(got.Body, "legal_representative.phone") {
			t.Fatalf("secretariat view: %s", got.Body)
		}
		auditBefore := k.AuditCount()
		full := admin.Do("GET", "/api/v1/members/"+id, nil)
		if full.JSON["legal_representative"].(map[string]any)["phone"] != "13800000001" {
			t.Fatalf("admin view: %s", full.Body)
		}
		reads := admin.Do("GET", "/api/v1/audit?action=member.read_restricted", nil)
		if k.AuditCount() != auditBefore+1 || reads.JSON["total"].(float64) != 1 {
			t.Fatalf("a restricted read must be audited: %s", reads.Body)
		}
		// Stored encrypted: the phone is not in the table in clear.
		var raw string
		k.Sys.DB.Gorm.Raw("SELECT member_rep_phone_enc FROM members WHERE id = ?", id).Scan(&raw)
		if !strings.HasPrefix(raw, "v1:") || strings.Contains(raw, "13800000002") {
			t.Fatalf("member_rep phone stored as %q", raw)
		}
		// Phone search works through the blind index.
		if l := clerk.Do("GET", "/api/v1/members?phone=138%200000%200002", nil); l.JSON["total"].(float64) != 1 {
			t.Fatalf("phone search: %s", l.Body)
		}
		if l := clerk.Do("GET", "/api/v1/members?q="+good+"&status=active", nil); l.JSON["total"].(float64) != 1 {
			t.Fatalf("code search: %s", l.Body)
		}

		// The public directory: current members only, nothing confidential.
		dir := k.Anon().Do("GET", "/api/v1/public/member-directory?q=速达", nil)
		if dir.Status != 200 || dir.JSON["total"].(float64) != 1 || strings.Contains(dir.Body, "138") || strings.Contains(dir.Body, good) {
			t.Fatalf("directory: %s", dir.Body)
		}
		if d := k.Anon().Do("GET", "/api/v1/public/member-directory?q=资料不全", nil); d.JSON["total"].(float64) != 0 {
			t.Fatalf("applicants are not in the directory: %s", d.Body)
		}

		// A member-role user sees its own unit in full, and no one else's record.
		if u := admin.Do("POST", "/api/v1/users", map[string]any{"username": "suda", "password": "suda-password", "display_name": "速达联系人", "roles": []string{"member"}, "member_id": res.JSON["id"]}); u.Status != 201 || u.JSON["member_name"] != "广州速达物流有限公司" {
			t.Fatalf("link member user: %d %s", u.Status, u.Body)
		}
		unit := k.Login("suda", "suda-password")
		mine := unit.Do("GET", "/api/v1/portal/my-unit", nil)
		if mine.Status != 200 || mine.JSON["legal_representative"].(map[string]any)["phone"] != "13800000001" {
			t.Fatalf("my unit: %d %s", mine.Status, mine.Body)
		}
		if other := unit.Do("GET", "/api/v1/members/"+thinID, nil); other.Status != 403 {
			t.Fatalf("member reading another unit: %d", other.Status)
		}

		// Withdrawal is free and never refused; expulsion needs its grounds.
		if r := clerk.Do("POST", "/api/v1/members/"+id+"/expel", map[string]string{"reason": "失信"}); r.Status != 400 || r.ErrorField("resolution_id") == "" {
			t.Fatalf("expel without resolution: %d %s", r.Status, r.Body)
		}
		if r := clerk.Do("POST", "/api/v1/members/"+id+"/withdraw", map[string]string{"reason": "业务调整", "date": "2026-03-10"}); r.Status != 200 || r.JSON["status"] != "withdrawn" || r.JSON["left_on"] != "2026-03-10" {
			t.Fatalf("withdraw: %d %s", r.Status, r.Body)
		}
		hist := clerk.Do("GET", "/api/v1/members/"+id+"/history", nil)
		if n := len(hist.JSON["items"].([]any)); n != 3 {
			t.Fatalf("history has %d events, want apply, approve, withdraw: %s", n, hist.Body)
		}
	})
}

// TestSearchNeverMatchesHiddenFields: a viewer below the phones' level
// cannot search by phone, even through the use case directly.
func TestSearchNeverMatchesHiddenFields(t *testing.T) {
	k := testkit.New(t, dbtest.SQLite(t))
	ctx := app.WithPrincipal(context.Background(), app.Principal{Username: "viewer", Clearance: identity.Members})
	_, err := k.Sys.Members.List(ctx, appmember.Filter{Phone: "13800000001"}, app.Page{Page: 1, PageSize: 20})
	if !errors.Is(err, errs.ErrForbidden) {
		t.Fatalf("phone search at clearance 1: %v", err)
	}
	dir, err := k.Sys.Members.Directory(ctx, "9144", app.Page{Page: 1, PageSize: 20})
	if err != nil || dir.Total != 0 {
		t.Fatalf("the directory must not match codes: %+v %v", dir, err)
	}
}
