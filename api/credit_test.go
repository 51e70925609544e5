package api_test

import (
	"strings"
	"testing"
	"time"

	"huiguan/infra/db/dbtest"
	"huiguan/testkit"
)

func TestCreditListsDecisionAppealAndPublicPage(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, tg dbtest.Target) {
		k := testkit.New(t, tg)
		clerk, id, _ := registry(t, k)
		k.CreateUser("boss", "board")
		k.CreateUser("boss2", "board")
		boss := k.Login("boss", "boss-password")
		admin := k.Login("admin", testkit.AdminPassword)
		admin.Do("POST", "/api/v1/users", map[string]any{"username": "suda", "password": "suda-password", "display_name": "速达", "roles": []string{"member"}, "member_id": atoi(id)})
		unit := k.Login("suda", "suda-password")

		neg := clerk.Do("POST", "/api/v1/credit/records", map[string]any{"member_id": atoi(id), "polarity": "negative", "category": "court_judgment",
			"occurred_on": "2026-01-15", "source": "(2025)粤01民终1234号", "severity": "high", "summary": "合同欺诈，判决生效", "evidence": []string{"判决书扫描件"}})
		pos := clerk.Do("POST", "/api/v1/credit/records", map[string]any{"member_id": atoi(id), "polarity": "positive", "category": "award",
			"occurred_on": "2025-11-01", "source": "省商务厅", "severity": "low", "summary": "诚信示范企业"})
		if neg.Status != 201 || pos.Status != 201 {
			t.Fatalf("records: %s / %s", neg.Body, pos.Body)
		}
		propose := func(list string, records []any) testkit.Response {
			return clerk.Do("POST", "/api/v1/credit/proposals", map[string]any{"member_id": atoi(id), "list": list, "reason_category": "合同欺诈",
				"public_summary": "经法院判决认定存在合同欺诈行为", "record_ids": records})
		}
		if r := propose("black", []any{}); r.Status != 422 || r.JSON["error"].(map[string]any)["clause"] != "8.4.1.5" {
			t.Fatalf("decision without evidence: %d %s", r.Status, r.Body)
		}
		if r := propose("black", []any{pos.JSON["id"]}); r.Status != 422 || r.ErrorCode() != "credit.evidence_polarity" {
			t.Fatalf("black list on a positive record: %d %s", r.Status, r.Body)
		}
		// Red first, then black: the black decision ends the red entry in the same transaction.
		red := clerk.Do("POST", "/api/v1/credit/proposals", map[string]any{"member_id": atoi(id), "list": "red", "reason_category": "诚信示范",
			"public_summary": "省级诚信示范企业", "record_ids": []any{pos.JSON["id"]}})
		boss.Do("POST", "/api/v1/credit/proposals/"+itoa(red.JSON["id"].(float64))+"/decide", map[string]any{"approve": true, "meeting_ref": "2026 年第 1 次会长办公会"})
		black := propose("black", []any{neg.JSON["id"]})
		pid := itoa(black.JSON["id"].(float64))
		if r := clerk.Do("POST", "/api/v1/credit/proposals/"+pid+"/decide", map[string]any{"approve": true, "meeting_ref": "x"}); r.Status != 403 {
			t.Fatalf("secretariat deciding: %d", r.Status)
		}
		if r := boss.Do("POST", "/api/v1/credit/proposals/"+pid+"/decide", map[string]any{"approve": true}); r.Status != 400 || r.ErrorField("decision_ref") == "" {
			t.Fatalf("decision without a reference: %d %s", r.Status, r.Body)
		}
		d := boss.Do("POST", "/api/v1/credit/proposals/"+pid+"/decide", map[string]any{"approve": true, "meeting_ref": "2026 年第 2 次会长办公会"})
		if d.Status != 200 || d.JSON["status"] != "approved" {
			t.Fatalf("decide: %d %s", d.Status, d.Body)
		}
		entries := clerk.Do("GET", "/api/v1/credit/entries?member_id="+id+"&status=active", nil)
		if entries.JSON["total"].(float64) != 1 || entries.JSON["items"].([]any)[0].(map[string]any)["list"] != "black" {
			t.Fatalf("only the black entry is active: %s", entries.Body)
		}
		// Red while black is refused.
		again := clerk.Do("POST", "/api/v1/credit/proposals", map[string]any{"member_id": atoi(id), "list": "red", "reason_category": "x", "public_summary": "x", "record_ids": []any{pos.JSON["id"]}})
		if r := boss.Do("POST", "/api/v1/credit/proposals/"+itoa(again.JSON["id"].(float64))+"/decide", map[string]any{"approve": true, "meeting_ref": "m"}); r.Status != 422 || r.ErrorCode() != "credit.black_excludes" {
			t.Fatalf("red while black: %d %s", r.Status, r.Body)
		}
		// The public page shows it, without internals.
		pub := k.Anon().Do("GET", "/api/v1/public/credit-lists?list=black&q=速达", nil)
		if pub.Status != 200 || pub.JSON["total"].(float64) != 1 || strings.Contains(pub.Body, "会长办公会") || strings.Contains(pub.Body, "13800000001") {
			t.Fatalf("public black list: %d %s", pub.Status, pub.Body)
		}
		if r := k.Anon().Do("GET", "/api/v1/public/credit-lists?list=white", nil); r.Status != 400 {
			t.Fatalf("the white list is not published: %d", r.Status)
		}
		// Effects: no event registration for a black-listed unit.
		e := clerk.Do("POST", "/api/v1/events", eventBody("年会", 100, 100, "梁"))
		eid := itoa(e.JSON["id"].(float64))
		clerk.Do("POST", "/api/v1/events/"+eid+"/publish", nil)
		if r := unit.Do("POST", "/api/v1/portal/events/"+eid+"/register", map[string]any{"name": "李敏", "phone": "13800000002", "consent": true}); r.Status != 422 || r.ErrorCode() != "credit.black_listed_registration" {
			t.Fatalf("black-listed registration: %d %s", r.Status, r.Body)
		}
		// Appeal from the portal; the proposer cannot review it; another board member overturns it.
		status := unit.Do("GET", "/api/v1/portal/credit", nil)
		entryID := status.JSON["entries"].([]any)[0].(map[string]any)["id"]
		ap := unit.Do("POST", "/api/v1/portal/credit/appeals", map[string]any{"entry_id": entryID, "text": "判决已撤销，附再审判决书"})
		if ap.Status != 201 {
			t.Fatalf("appeal: %d %s", ap.Status, ap.Body)
		}
		aid := itoa(ap.JSON["id"].(float64))
		if r := clerk.Do("POST", "/api/v1/credit/appeals/"+aid+"/review", map[string]any{"grant": true, "reasons": "x"}); r.Status != 422 || r.ErrorCode() != "credit.reviewer_is_proposer" {
			t.Fatalf("the proposer reviewing: %d %s", r.Status, r.Body)
		}
		rv := k.Login("boss2", "boss2-password").Do("POST", "/api/v1/credit/appeals/"+aid+"/review", map[string]any{"grant": true, "reasons": "再审改判，原依据不成立"})
		if rv.Status != 200 || rv.JSON["status"] != "overturned" {
			t.Fatalf("overturn: %d %s", rv.Status, rv.Body)
		}
		if pub := k.Anon().Do("GET", "/api/v1/public/credit-lists?list=black", nil); pub.JSON["total"].(float64) != 0 {
			t.Fatalf("after overturning: %s", pub.Body)
		}
		hist := clerk.Do("GET", "/api/v1/credit/entries?member_id="+id, nil)
		if hist.JSON["total"].(float64) != 2 {
			t.Fatalf("history keeps lifted entries: %s", hist.Body)
		}
		// Government export.
		x := clerk.Do("GET", "/api/v1/credit/export?since=2026-01-01", nil)
		if x.JSON["format"] != "huiguan.credit-lists/v1" || len(x.JSON["changes"].([]any)) != 2 {
			t.Fatalf("export: %s", x.Body)
		}
	})
}

func TestAppealWindowAndExpiry(t *testing.T) {
	k := testkit.New(t, dbtest.SQLite(t))
	clerk, id, _ := registry(t, k)
	k.CreateUser("boss", "board")
	boss := k.Login("boss", "boss-password")
	admin := k.Login("admin", testkit.AdminPassword)
	admin.Do("POST", "/api/v1/users", map[string]any{"username": "suda", "password": "suda-password", "display_name": "速达", "roles": []string{"member"}, "member_id": atoi(id)})
	neg := clerk.Do("POST", "/api/v1/credit/records", map[string]any{"member_id": atoi(id), "polarity": "negative", "category": "admin_penalty",
		"occurred_on": "2026-01-15", "source": "市监局", "severity": "medium", "summary": "虚假宣传处罚"})
	p := clerk.Do("POST", "/api/v1/credit/proposals", map[string]any{"member_id": atoi(id), "list": "black", "reason_category": "虚假宣传",
		"public_summary": "受到行政处罚", "record_ids": []any{neg.JSON["id"]}, "valid_until": "2026-06-30"})
	boss.Do("POST", "/api/v1/credit/proposals/"+itoa(p.JSON["id"].(float64))+"/decide", map[string]any{"approve": true, "meeting_ref": "会长办公会"})
	k.Clock.Advance(16 * 24 * time.Hour)
	unit := k.Login("suda", "suda-password")
	entry := unit.Do("GET", "/api/v1/portal/credit", nil).JSON["entries"].([]any)[0].(map[string]any)["id"]
	if r := unit.Do("POST", "/api/v1/portal/credit/appeals", map[string]any{"entry_id": entry, "text": "不服"}); r.Status != 422 || r.ErrorCode() != "credit.appeal_window_closed" {
		t.Fatalf("appeal after 15 days: %d %s", r.Status, r.Body)
	}
	// A repair application is possible any time for a black entry.
	if r := unit.Do("POST", "/api/v1/portal/credit/repairs", map[string]any{"entry_id": entry, "text": "已整改并公开道歉"}); r.Status != 201 {
		t.Fatalf("repair: %d %s", r.Status, r.Body)
	}
	k.Clock.Advance(130 * 24 * time.Hour)
	n, err := k.Sys.Credit.Expire(testkit.Ctx())
	if err != nil || n != 1 {
		t.Fatalf("expire: %d %v", n, err)
	}
	// The repair left pending over 30 days is flagged.
	admin = k.Login("admin", testkit.AdminPassword)
	admin.Do("POST", "/api/v1/findings/recheck", nil)
	if f := admin.Do("GET", "/api/v1/findings?status=open&rule_id=R-8.4.1.5-c", nil); f.JSON["total"].(float64) != 1 {
		t.Fatalf("late repair: %s", f.Body)
	}
}
