package api_test

import (
	"fmt"
	"testing"
	"time"

	"huiguan/domain/member"
	"huiguan/infra/db/dbtest"
	"huiguan/testkit"
)

func assocCode() string {
	c := "51440000MJL000000"
	return c + string(member.CheckChar(c))
}

// governanceSetup records the association and a council of 10 named seats.
func governanceSetup(t *testing.T, k *testkit.Kit) (*testkit.Client, string) {
	t.Helper()
	k.CreateUser("clerk", "secretariat")
	clerk := k.Login("clerk", "clerk-password")
	r := clerk.Do("PUT", "/api/v1/association", map[string]any{"full_name": "广东省物流行业协会", "short_name": "省物流协会", "uscc": assocCode(),
		"business_scope": []string{"行业标准制定", "行业培训", "咨询服务"}, "registration_authority": "广东省民政厅", "registered_on": "2001-06-18"})
	if r.Status != 200 {
		t.Fatalf("association: %d %s", r.Status, r.Body)
	}
	var seats []map[string]any
	for i := 1; i <= 10; i++ {
		seats = append(seats, map[string]any{"person_name": fmt.Sprintf("理事%02d", i)})
	}
	b := clerk.Do("POST", "/api/v1/bodies", map[string]any{"kind": "council", "name": "第五届理事会", "term_no": 5,
		"term_start": "2023-01-01", "term_end": "2027-12-31", "members": seats, "powers": "执行会员大会决议", "formation_method": "会员大会选举", "removal_method": "会员大会罢免"})
	if b.Status != 201 {
		t.Fatalf("body: %d %s", b.Status, b.Body)
	}
	return clerk, itoa(b.JSON["id"].(float64))
}

func meeting(t *testing.T, c *testkit.Client, body string, present int, kind string) string {
	t.Helper()
	var att []map[string]any
	for i := 1; i <= 10; i++ {
		st := "absent"
		if i <= present {
			st = "present"
		}
		att = append(att, map[string]any{"person_name": fmt.Sprintf("理事%02d", i), "status": st})
	}
	r := c.Do("POST", "/api/v1/meetings", map[string]any{"body_id": atoi(body), "kind": kind, "title": "理事会会议", "held_on": "2026-03-01", "attendees": att})
	if r.Status != 201 {
		t.Fatalf("meeting: %d %s", r.Status, r.Body)
	}
	return itoa(r.JSON["meeting"].(map[string]any)["id"].(float64))
}

func TestMeetingsAndResolutions(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, tg dbtest.Target) {
		k := testkit.New(t, tg)
		clerk, body := governanceSetup(t, k)
		m := meeting(t, clerk, body, 7, "regular")
		got := clerk.Do("GET", "/api/v1/meetings/"+m, nil)
		if got.JSON["quorate"] != true || got.JSON["meeting"].(map[string]any)["attending"].(float64) != 7 {
			t.Fatalf("meeting: %s", got.Body)
		}
		vote := func(kind string, yes, no int, extra map[string]any) testkit.Response {
			body := map[string]any{"title": "决议", "kind": kind, "votes_for": yes, "votes_against": no}
			for k, v := range extra {
				body[k] = v
			}
			return clerk.Do("POST", "/api/v1/meetings/"+m+"/resolutions", body)
		}
		if r := vote("other", 4, 3, nil); r.Status != 201 || r.JSON["outcome"] != "passed" {
			t.Fatalf("4 of 7: %d %s", r.Status, r.Body)
		}
		if r := vote("fee_standard", 4, 3, nil); r.JSON["outcome"] != "failed" {
			t.Fatalf("4 of 7 for a fee standard is short of two thirds: %s", r.Body)
		}
		first := vote("fee_standard", 5, 2, nil)
		if first.JSON["outcome"] != "passed" {
			t.Fatalf("5 of 7 for a fee standard: %s", first.Body)
		}
		if r := vote("other", 6, 2, nil); r.Status != 400 || r.ErrorField("votes_for") == "" {
			t.Fatalf("8 votes from 7 attendees: %d %s", r.Status, r.Body)
		}
		// A correction supersedes; the original cannot be corrected twice.
		fix := vote("fee_standard", 6, 1, map[string]any{"supersedes_id": first.JSON["id"]})
		if fix.Status != 201 {
			t.Fatalf("correction: %d %s", fix.Status, fix.Body)
		}
		if r := clerk.Do("GET", "/api/v1/resolutions/"+itoa(first.JSON["id"].(float64)), nil); r.JSON["status"] != "superseded" {
			t.Fatalf("superseded: %s", r.Body)
		}
		if r := vote("fee_standard", 6, 1, map[string]any{"supersedes_id": first.JSON["id"]}); r.Status != 409 {
			t.Fatalf("second correction: %d %s", r.Status, r.Body)
		}
		if r := vote("other", 6, 1, map[string]any{"supersedes_id": fix.JSON["id"]}); r.Status != 422 {
			t.Fatalf("a correction of another kind: %d %s", r.Status, r.Body)
		}
		if l := clerk.Do("GET", "/api/v1/resolutions?kind=fee_standard&status=passed", nil); l.JSON["total"].(float64) != 1 {
			t.Fatalf("current passed fee standards: %s", l.Body)
		}
		// An inquorate meeting resolves nothing.
		thin := meeting(t, clerk, body, 6, "regular")
		before := k.AuditCount()
		r := clerk.Do("POST", "/api/v1/meetings/"+thin+"/resolutions", map[string]any{"title": "x", "kind": "other", "votes_for": 6})
		if r.Status != 422 || r.ErrorCode() != "resolution.inquorate" {
			t.Fatalf("inquorate: %d %s", r.Status, r.Body)
		}
		if k.AuditCount() != before {
			t.Fatal("a refused resolution wrote something")
		}
		// Attendance from outside the body is refused.
		bad := clerk.Do("POST", "/api/v1/meetings", map[string]any{"body_id": atoi(body), "title": "x", "held_on": "2026-03-02",
			"attendees": []map[string]any{{"person_name": "路人甲", "status": "present"}}})
		if bad.Status != 400 || bad.ErrorField("attendees") == "" {
			t.Fatalf("stranger attending: %d %s", bad.Status, bad.Body)
		}
	})
}

func TestPositionsTermLimit(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, tg dbtest.Target) {
		k := testkit.New(t, tg)
		clerk, body := governanceSetup(t, k)
		m := meeting(t, clerk, body, 8, "election")
		el := clerk.Do("POST", "/api/v1/meetings/"+m+"/resolutions", map[string]any{"title": "选举秘书长", "kind": "election", "votes_for": 8})
		res := el.JSON["id"]
		appoint := func(term int) testkit.Response {
			return clerk.Do("POST", "/api/v1/positions", map[string]any{"title": "secretary_general", "person_name": "陈立", "full_time": true,
				"term_no": term, "term_start": fmt.Sprintf("%d-01-01", 2000+term*5), "term_end": fmt.Sprintf("%d-12-31", 2004+term*5), "resolution_id": res})
		}
		if r := appoint(5); r.Status != 422 || r.ErrorCode() != "position.undefined" || r.JSON["error"].(map[string]any)["clause"] != "7.1.2.2" {
			t.Fatalf("appointing to an undefined position: %d %s", r.Status, r.Body)
		}
		if r := clerk.Do("PUT", "/api/v1/position-types/secretary_general", map[string]any{"powers": "主持秘书处工作", "appointment_method": "理事会聘任",
			"removal_method": "理事会解聘", "term_years": 5}); r.Status != 200 || r.JSON["defined"] != true {
			t.Fatalf("define: %d %s", r.Status, r.Body)
		}
		for _, term := range []int{5, 6} {
			if r := appoint(term); r.Status != 201 {
				t.Fatalf("term %d: %d %s", term, r.Status, r.Body)
			}
		}
		r := appoint(7)
		if r.Status != 422 || r.ErrorCode() != "position.term_limit" || r.JSON["error"].(map[string]any)["clause"] != "7.3.3.1" {
			t.Fatalf("third consecutive term: %d %s", r.Status, r.Body)
		}
		if r := appoint(8); r.Status != 201 {
			t.Fatalf("after a gap: %d %s", r.Status, r.Body)
		}
		failed := clerk.Do("POST", "/api/v1/meetings/"+m+"/resolutions", map[string]any{"title": "选举副秘书长", "kind": "election", "votes_for": 2, "votes_against": 6})
		r = clerk.Do("POST", "/api/v1/positions", map[string]any{"title": "secretary_general", "person_name": "王五", "full_time": true,
			"term_no": 9, "term_start": "2046-01-01", "term_end": "2050-12-31", "resolution_id": failed.JSON["id"]})
		if r.Status != 400 || r.ErrorField("resolution_id") == "" {
			t.Fatalf("appointment on a failed election: %d %s", r.Status, r.Body)
		}
	})
}

func TestBranches(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, tg dbtest.Target) {
		k := testkit.New(t, tg)
		clerk, body := governanceSetup(t, k)
		m := meeting(t, clerk, body, 8, "regular")
		res := clerk.Do("POST", "/api/v1/meetings/"+m+"/resolutions", map[string]any{"title": "设立分支机构", "kind": "other", "votes_for": 8}).JSON["id"]
		create := func(kind, name string, extra map[string]any) testkit.Response {
			b := map[string]any{"kind": kind, "name": name, "scope": []string{"行业标准制定"}, "head": "李主任", "resolution_id": res}
			for k, v := range extra {
				b[k] = v
			}
			return clerk.Do("POST", "/api/v1/branches", b)
		}
		ok := create("branch", "广东省物流行业协会冷链物流专业委员会", nil)
		if ok.Status != 201 || ok.JSON["status"] != "established" {
			t.Fatalf("branch: %d %s", ok.Status, ok.Body)
		}
		if r := clerk.Do("POST", "/api/v1/branches/"+itoa(ok.JSON["id"].(float64))+"/activate", nil); r.JSON["status"] != "active" {
			t.Fatalf("activate: %s", r.Body)
		}
		for _, c := range []struct {
			kind, name string
			extra      map[string]any
			code       string
			clause     string
		}{
			{"branch", "冷链物流专业委员会", nil, "branch.name_prefix", "7.1.2.3"},
			{"representative_office", "广东省物流行业协会服务中心", nil, "branch.office_suffix", "7.1.2.3"},
			{"branch", "广东省物流行业协会港口物流专业委员会", map[string]any{"regional": true}, "branch.regional", "7.1.2.4"},
			{"branch", "广东省物流行业协会港口物流专业委员会", map[string]any{"own_charter": true}, "branch.own_charter", "7.1.2.3"},
		} {
			r := create(c.kind, c.name, c.extra)
			if r.Status != 422 || r.ErrorCode() != c.code || r.JSON["error"].(map[string]any)["clause"] != c.clause {
				t.Errorf("%s %s: %d %s", c.kind, c.name, r.Status, r.Body)
			}
		}
		// A place name: held for review, flagged, and rejected when found regional.
		fs := create("branch", "广东省物流行业协会佛山分会", nil)
		id := itoa(fs.JSON["id"].(float64))
		if fs.JSON["status"] != "pending_review" {
			t.Fatalf("place name: %s", fs.Body)
		}
		if r := clerk.Do("POST", "/api/v1/branches/"+id+"/activate", nil); r.Status != 422 || r.JSON["error"].(map[string]any)["clause"] != "7.1.2.4" {
			t.Fatalf("activate under review: %d %s", r.Status, r.Body)
		}
		if f := clerk.Do("GET", "/api/v1/findings?status=open&clause=7.1.2.4", nil); f.JSON["total"].(float64) != 1 {
			t.Fatalf("place finding: %s", f.Body)
		}
		if r := clerk.Do("POST", "/api/v1/branches/"+id+"/review-place", map[string]any{"territorial": true, "reason": "以佛山会员为服务对象"}); r.JSON["status"] != "rejected" {
			t.Fatalf("review: %s", r.Body)
		}
		if f := clerk.Do("GET", "/api/v1/findings?status=open&clause=7.1.2.4", nil); f.JSON["total"].(float64) != 0 {
			t.Fatalf("place finding after review: %s", f.Body)
		}
		// A branch suffix outside the list is flagged until reviewed.
		al := create("branch", "广东省物流行业协会冷链联盟", nil)
		if f := clerk.Do("GET", "/api/v1/findings?status=open&rule_id=R-7.1.2.3-b", nil); f.JSON["total"].(float64) != 1 {
			t.Fatalf("suffix finding: %s", f.Body)
		}
		clerk.Do("POST", "/api/v1/branches/"+itoa(al.JSON["id"].(float64))+"/review-suffix", map[string]any{"reason": "联盟体现冷链领域专业性质"})
		if f := clerk.Do("GET", "/api/v1/findings?status=open&rule_id=R-7.1.2.3-b", nil); f.JSON["total"].(float64) != 0 {
			t.Fatalf("suffix finding after review: %s", f.Body)
		}
	})
}

func TestElectionsOnSchedule(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, tg dbtest.Target) {
		k := testkit.New(t, tg)
		clerk, body := governanceSetup(t, k)
		// The test clock is 2026-03-02; move to 60 days before the term ends.
		k.Clock.Advance(time.Date(2027, 11, 1, 0, 0, 0, 0, time.UTC).Sub(k.Clock.Now()))
		clerk = k.Login("clerk", "clerk-password")
		clerk.Do("POST", "/api/v1/findings/recheck", nil)
		f := clerk.Do("GET", "/api/v1/findings?status=open&rule_id=R-7.3.3.1-b", nil)
		if f.JSON["total"].(float64) != 1 || f.JSON["items"].([]any)[0].(map[string]any)["severity"] != "info" {
			t.Fatalf("election reminder: %s", f.Body)
		}
		k.Clock.Advance(90 * 24 * time.Hour) // past the term's end, still no election
		clerk = k.Login("clerk", "clerk-password")
		clerk.Do("POST", "/api/v1/findings/recheck", nil)
		f = clerk.Do("GET", "/api/v1/findings?status=open&rule_id=R-7.3.3.1-b", nil)
		if f.JSON["items"].([]any)[0].(map[string]any)["severity"] != "critical" {
			t.Fatalf("overdue: %s", f.Body)
		}
		// An election meeting closes it in the same transaction.
		var att []map[string]any
		for i := 1; i <= 10; i++ {
			att = append(att, map[string]any{"person_name": fmt.Sprintf("理事%02d", i), "status": "present"})
		}
		clerk.Do("POST", "/api/v1/meetings", map[string]any{"body_id": atoi(body), "kind": "election", "title": "换届大会", "held_on": "2028-01-20", "attendees": att})
		if f := clerk.Do("GET", "/api/v1/findings?status=open&rule_id=R-7.3.3.1-b", nil); f.JSON["total"].(float64) != 0 {
			t.Fatalf("after the election: %s", f.Body)
		}
	})
}

// TestExpulsionNeedsACouncilResolution: the registry asks the governance
// register whether the cited decision really passed.
func TestExpulsionNeedsACouncilResolution(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, tg dbtest.Target) {
		k := testkit.New(t, tg)
		clerk, body := governanceSetup(t, k)
		tier := clerk.Do("POST", "/api/v1/member-tiers", map[string]any{"name": "会员单位", "annual_fee_fen": 200000, "services": []string{"年会"}}).JSON["id"].(float64)
		unit := clerk.Do("POST", "/api/v1/members", memberBody("失信物流有限公司", code("91440101MA5CPPPP0"), tier))
		id := itoa(unit.JSON["id"].(float64))
		clerk.Do("POST", "/api/v1/members/"+id+"/approve", nil)
		m := meeting(t, clerk, body, 8, "regular")
		failed := clerk.Do("POST", "/api/v1/meetings/"+m+"/resolutions", map[string]any{"title": "关于除名的决议", "kind": "expulsion", "votes_for": 3, "votes_against": 5})
		other := clerk.Do("POST", "/api/v1/meetings/"+m+"/resolutions", map[string]any{"title": "年度计划", "kind": "other", "votes_for": 8})
		passed := clerk.Do("POST", "/api/v1/meetings/"+m+"/resolutions", map[string]any{"title": "关于将失信物流除名的决议", "kind": "expulsion", "votes_for": 8})
		expel := func(res any) testkit.Response {
			return clerk.Do("POST", "/api/v1/members/"+id+"/expel", map[string]any{"reason": "严重失信", "approver": "黄会长", "resolution_id": res})
		}
		for name, res := range map[string]any{"failed": failed.JSON["id"], "wrong kind": other.JSON["id"], "unknown": 9999} {
			if r := expel(res); r.Status != 400 || r.ErrorField("resolution_id") == "" {
				t.Fatalf("%s resolution: %d %s", name, r.Status, r.Body)
			}
		}
		r := expel(passed.JSON["id"])
		if r.Status != 200 || r.JSON["status"] != "expelled" {
			t.Fatalf("expel: %d %s", r.Status, r.Body)
		}
		hist := clerk.Do("GET", "/api/v1/members/"+id+"/history", nil).JSON["items"].([]any)
		if ref := hist[len(hist)-1].(map[string]any)["ref"].(string); ref == "" || ref[:len("关于将失信物流除名的决议")] != "关于将失信物流除名的决议" {
			t.Fatalf("history cites %q", ref)
		}
	})
}
